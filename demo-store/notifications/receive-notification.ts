// The store's notification receiver: verify the Wallet-Signature over the raw body, then
// record the event and apply it in one transaction. The event id is unique among verified
// rows, so an event sent again (a resend, a retry after a lost 200, two deliveries at once)
// is applied once: the second insert waits for the first to commit and then does nothing.
// A refused notice is logged for the shop owner and changes no order.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { verifyWalletSignature } from '@/lib/merchant-sdk/verify-wallet-signature';
import type { StorePool } from '../db/pool';
import { inStoreTransaction } from '../db/transaction';
import {
  applyWalletClosure,
  applyWalletPayment,
  applyWalletRefund,
  type ApplyOutcome,
} from '../orders/apply-wallet-order';
import { isOrderEventType, orderEventDataSchema, walletEventSchema } from './wallet-event';

export type NotificationOutcome = ApplyOutcome | 'UNSUPPORTED';

export type ReceiveResult =
  | { status: 200; body: { received: true; duplicate: boolean; outcome?: NotificationOutcome } }
  | { status: 400; body: { error: { code: 'BAD_SIGNATURE' | 'INVALID_EVENT'; message: string } } }
  | { status: 503; body: { error: { code: 'NOT_CONFIGURED'; message: string } } };

export type ReceivedNotification = {
  rawBody: string;
  signatureHeader: string | null;
  /** The Wallet-Event-Id header: logged with a refused notice; the body's id is what counts. */
  eventIdHeader: string | null;
};

export async function receiveWalletNotification(
  pool: StorePool,
  webhookSecret: string | undefined,
  notice: ReceivedNotification,
  toleranceSeconds = 300,
): Promise<ReceiveResult> {
  // Without the secret nothing can be verified: 503 so that the wallet retries later.
  if (!webhookSecret)
    return {
      status: 503,
      body: { error: { code: 'NOT_CONFIGURED', message: 'DEMO_STORE_WEBHOOK_SECRET is not set' } },
    };

  if (!verifyWalletSignature(notice.rawBody, notice.signatureHeader, webhookSecret, toleranceSeconds)) {
    await pool.query(
      `INSERT INTO demo_store.notifications (id, event_id, type, verified, outcome, body) VALUES ($1, $2, NULL, false, 'REFUSED', $3)`,
      [randomUUID(), notice.eventIdHeader?.slice(0, 255) ?? null, notice.rawBody],
    );
    return { status: 400, body: { error: { code: 'BAD_SIGNATURE', message: 'Wallet-Signature does not verify' } } };
  }

  let json: unknown;
  try {
    json = JSON.parse(notice.rawBody);
  } catch {
    return { status: 400, body: { error: { code: 'INVALID_EVENT', message: 'body is not JSON' } } };
  }
  const event = walletEventSchema.safeParse(json);
  if (!event.success)
    return {
      status: 400,
      body: { error: { code: 'INVALID_EVENT', message: event.error.issues[0]?.message ?? 'invalid' } },
    };
  const { id: eventId, type } = event.data;
  let orderData: ReturnType<typeof orderEventDataSchema.parse> | undefined;
  if (isOrderEventType(type)) {
    const parsed = orderEventDataSchema.safeParse(event.data.data);
    if (!parsed.success)
      return {
        status: 400,
        body: { error: { code: 'INVALID_EVENT', message: `data.object: ${parsed.error.issues[0]?.message}` } },
      };
    orderData = parsed.data;
  }

  return inStoreTransaction(pool, async (client): Promise<ReceiveResult> => {
    const rowId = randomUUID();
    const inserted = await client.query(
      `INSERT INTO demo_store.notifications (id, event_id, type, verified, outcome, order_no, body)
       VALUES ($1, $2, $3, true, 'IGNORED', $4, $5)
       ON CONFLICT (event_id) WHERE verified DO NOTHING`,
      [rowId, eventId, type, orderData?.object.merchant_order_no ?? null, notice.rawBody],
    );
    if (inserted.rowCount === 0) return { status: 200, body: { received: true, duplicate: true } };

    let outcome: NotificationOutcome = 'UNSUPPORTED';
    if (orderData) {
      const o = orderData.object;
      const facts = {
        merchantOrderNo: o.merchant_order_no,
        walletOrderId: o.id,
        amount: o.amount,
        currency: o.currency,
      };
      if (type === 'order.paid')
        outcome = await applyWalletPayment(client, { ...facts, paidAt: o.paid_at ? new Date(o.paid_at) : null });
      else if (type === 'order.closed')
        outcome = await applyWalletClosure(client, { ...facts, closedAt: o.closed_at ? new Date(o.closed_at) : null });
      else outcome = await applyWalletRefund(client, { ...facts, amountRefunded: o.amount_refunded });
    }
    await client.query('UPDATE demo_store.notifications SET outcome = $2 WHERE id = $1', [rowId, outcome]);
    return { status: 200, body: { received: true, duplicate: false, outcome } };
  });
}
