// The last step of both ways of paying: the order becomes PAID in the transaction that
// booked its ledger entry, with its timeline event, the customer's receipt and the
// merchant's order.paid notification (transactional outbox).
import 'server-only';
import type { Tx } from '../db';
import type { Merchant, Order, PaymentMethod } from '../generated/prisma/client';
import { addNotification } from '../notifications/add-notification';
import { recordWebhookEvent } from '../webhooks/record-webhook-event';
import type { AppDeps } from '../core/deps';
import { toOrderJson } from './order-json';

export type PaidBy = { userId: string; method: PaymentMethod; operationId: string; ledgerEntryId: string; fee: bigint };

export async function markOrderPaid(
  tx: Tx,
  deps: Pick<AppDeps, 'jobs' | 'appUrl'>,
  order: Order,
  merchant: Merchant,
  paidBy: PaidBy,
): Promise<Order> {
  const paid = await tx.order.update({
    where: { id: order.id },
    data: {
      status: 'PAID',
      payerUserId: paidBy.userId,
      paymentMethod: paidBy.method,
      paymentOperationId: paidBy.operationId,
      merchantFee: paidBy.fee,
      paidAt: new Date(),
      events: {
        create: {
          type: 'PAID',
          detail: { method: paidBy.method, operationId: paidBy.operationId, ledgerEntryId: paidBy.ledgerEntryId },
        },
      },
    },
  });
  await addNotification(tx, {
    userId: paidBy.userId,
    kind: 'PAYMENT_SUCCEEDED',
    operationId: paidBy.operationId,
    params: {
      amount: order.amount.toString(),
      currency: order.currency,
      shop: merchant.shopName,
      subject: order.subject,
      orderId: order.id,
    },
  });
  await recordWebhookEvent(tx, deps.jobs, {
    merchantId: merchant.id,
    type: 'order.paid',
    orderId: order.id,
    url: order.notifyUrl,
    data: { object: toOrderJson(paid, deps.appUrl) },
  });
  return paid;
}
