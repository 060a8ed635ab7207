// A merchant refunds (part of) a paid order to the customer's wallet (API POST
// /orders/{id}/refunds, or the dashboard). One transaction: the order locked, what is left to
// refund checked (the database CHECK refuses more too), the customer's REFUND operation, the
// ledger entry (D merchant balance, C customer wallet; the merchant fee is not returned), the
// refund row, the order's new status and timeline, the customer's notification and an
// order.refunded notification. The same idempotency key returns the first refund.
import 'server-only';
import { createHash } from 'node:crypto';
import { buildJournalEntry, refundPostings, type Currency } from '@/ledger';
import type { Refund } from '../generated/prisma/client';
import { applyLedgerOps, okOrThrow } from '../stored-ledger';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import { addNotification } from '../notifications/add-notification';
import { recordWebhookEvent } from '../webhooks/record-webhook-event';
import { inTransaction } from '../core/in-transaction';
import { beginOperation } from '../wallet/operations/begin-operation';
import { IdempotencyKeyReusedError } from '../core/domain-errors';
import type { AppDeps } from '../core/deps';
import { lockOrderOrThrow } from './lock-order';
import { OrderNotPaidError, RefundExceedsPaidError } from './order-errors';
import { toOrderJson, toRefundJson } from './order-json';

export type RefundOrderInput = {
  merchantId: string;
  orderId: string;
  amount: bigint;
  reason: string | null;
  idempotencyKey: string;
};

const REFUNDABLE = new Set(['PAID', 'SHIPPED', 'PARTIALLY_REFUNDED']);

function refundRequestHash(input: RefundOrderInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.orderId, input.amount.toString(), input.reason]))
    .digest('hex');
}

export async function refundOrder(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'appUrl'>,
  input: RefundOrderInput,
): Promise<Refund> {
  const hash = refundRequestHash(input);
  return inTransaction(deps.db, async (tx) => {
    const { order } = await lockOrderOrThrow(tx, input.orderId, input.merchantId);
    const earlier = await tx.refund.findUnique({
      where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } },
    });
    if (earlier) {
      if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError();
      return earlier;
    }
    await refuseFrozenMerchant(tx, input.merchantId); // the first refund of a key is still returned above
    if (!REFUNDABLE.has(order.status) || !order.payerUserId) throw new OrderNotPaidError(order.status);
    const refundable = order.amount - order.refundedAmount;
    if (input.amount > refundable) throw new RefundExceedsPaidError(refundable);

    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchantId } });
    const currency = order.currency as Currency;
    const begun = await beginOperation(tx, {
      userId: order.payerUserId,
      kind: 'REFUND',
      amount: input.amount,
      currency,
      idempotencyKey: `refund:${input.merchantId}:${input.idempotencyKey}`,
      orderId: order.id,
      merchantId: merchant.id,
      memo: input.reason,
    });
    const entry = buildJournalEntry({
      kind: 'REFUND',
      postings: refundPostings({ merchantId: merchant.id, userId: order.payerUserId, amount: input.amount, currency }),
      idempotencyKey: `operation:${begun.operation.id}:settle`,
      metadata: { operationId: begun.operation.id, orderId: order.id },
    });
    const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]);
    const ledgerEntryId = okOrThrow(result!).entryId; // the merchant's balance may not cover it: nothing is written
    await tx.walletOperation.update({
      where: { id: begun.operation.id },
      data: {
        status: 'SUCCEEDED',
        ledgerEntryId,
        completedAt: new Date(),
        events: { create: { type: 'SETTLED', detail: { ledgerEntryId } } },
      },
    });
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        merchantId: merchant.id,
        amount: input.amount,
        reason: input.reason,
        ledgerEntryId,
        operationId: begun.operation.id,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
      },
    });
    const refundedAmount = order.refundedAmount + input.amount;
    const updated = await tx.order.update({
      where: { id: order.id },
      data: {
        refundedAmount,
        status: refundedAmount === order.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
        events: {
          create: { type: 'REFUNDED', detail: { refundId: refund.id, amount: input.amount.toString(), ledgerEntryId } },
        },
      },
    });
    await addNotification(tx, {
      userId: order.payerUserId,
      kind: 'REFUND_RECEIVED',
      operationId: begun.operation.id,
      params: {
        amount: input.amount.toString(),
        currency,
        shop: merchant.shopName,
        subject: order.subject,
        orderId: order.id,
      },
    });
    await recordWebhookEvent(tx, deps.jobs, {
      merchantId: merchant.id,
      type: 'order.refunded',
      orderId: order.id,
      url: order.notifyUrl,
      data: { object: toOrderJson(updated, deps.appUrl), refund: toRefundJson(refund) },
    });
    return refund;
  });
}
