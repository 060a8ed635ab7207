// Pay an order from the wallet balance (checkout). One unlocked read of the payer's PIN row,
// the order and its merchant checks the PIN and lets this prepare everything the payment
// writes (the ledger entry, the operation's request hash, the receipt, the merchant's
// order.paid body); then ONE call of the SQL function wallet_pay_order_from_balance locks the
// order and the customer, makes every check on the locked rows and writes it all in one
// transaction (one round trip: the merchant's and the fee account's rows stay locked for
// microseconds, not for a dozen round trips, so payments to one shop do not queue). Paid
// twice at once → money moves once. The webhook's first delivery attempt starts after the
// commit, in this process (or as a job where the deps have no such starter); the outbox's
// sweeper covers a crash in between. Why this path skips the Prisma client:
// docs/architecture.md, "Lean paths".
import 'server-only';
import { buildJournalEntry, payFromBalancePostings, type Currency } from '@/ledger';
import { startOfShanghaiDay } from '../../lib/time/shanghai-day';
import { walletConfig } from '../config/wallet-config';
import {
  AccountFrozenError,
  IdempotencyKeyReusedError,
  LimitExceededError,
  NotFoundError,
} from '../core/domain-errors';
import type { AppDeps } from '../core/deps';
import type { Db } from '../db';
import { QUEUES } from '../jobs/job-queue';
import { MerchantFrozenError } from '../merchants/merchant-errors';
import { assertPinFormat, checkPaymentPin } from '../pin/verify-payment-pin';
import { encodeLedgerOps, ledgerFailureOf, withRetry } from '../stored-ledger';
import { operationRequestHash } from '../wallet/operations/begin-operation';
import { settlementKey } from '../wallet/operations/settlement-key';
import { isUuid } from '../../lib/ids/is-uuid';
import { prepareWebhookEvent } from '../webhooks/record-webhook-event';
import { uuidv7 } from '../webhooks/uuid-v7';
import { merchantFee } from './merchant-fee';
import { toOrderJson } from './order-json';
import { OrderNotPayableError, OwnOrderError } from './order-errors';
import { readOrderForPayment, type OrderForPayment } from './read-order-for-payment';

export type PayFromBalanceInput = { userId: string; orderId: string; pin: string; idempotencyKey: string };
export type PaidFromBalance = { operationId: string; orderId: string };

type Outcome =
  | { outcome: 'PAID' | 'REPLAYED'; operation_id: string }
  | { outcome: 'ORDER_NOT_FOUND' | 'OWN_ORDER' | 'IDEMPOTENCY_KEY_REUSED' | 'ACCOUNT_FROZEN' | 'MERCHANT_FROZEN' }
  | { outcome: 'LIMIT_EXCEEDED'; limit: 'PER_OPERATION' | 'PER_DAY'; maximum: string; remaining: string }
  | { outcome: 'ORDER_NOT_PAYABLE'; status: string }
  | { outcome: 'LEDGER_REFUSED'; error: unknown };

export async function payOrderFromBalance(deps: AppDeps, input: PayFromBalanceInput): Promise<PaidFromBalance> {
  // Not an id at all: not found (not a database error), before a PIN guess is counted.
  if (!isUuid(input.orderId)) throw new NotFoundError('Order');
  assertPinFormat(input.pin);
  // The PIN row and the order in one read; the PIN is checked first, as everywhere.
  const { pin, order } = await readOrderForPayment(deps.db, input.userId, input.orderId);
  await checkPaymentPin(deps.db, input.userId, input.pin, pin);
  if (!order) throw new NotFoundError('Order');

  const payment = preparePayment(deps, input, order);
  const result = await withRetry(() => callPayFunction(deps.db, payment.args, payment.ledgerBatch));
  switch (result.outcome) {
    case 'PAID':
      if (payment.webhookEventId) {
        if (deps.startWebhookAttempt) await deps.startWebhookAttempt(payment.webhookEventId);
        else await deps.jobs.enqueue(deps.db, QUEUES.deliverWebhook, { eventId: payment.webhookEventId });
      }
      return { operationId: result.operation_id, orderId: order.id };
    case 'REPLAYED':
      return { operationId: result.operation_id, orderId: order.id };
    case 'ORDER_NOT_FOUND':
      throw new NotFoundError('Order');
    case 'OWN_ORDER':
      throw new OwnOrderError();
    case 'IDEMPOTENCY_KEY_REUSED':
      throw new IdempotencyKeyReusedError();
    case 'ACCOUNT_FROZEN':
      throw new AccountFrozenError();
    case 'LIMIT_EXCEEDED':
      throw new LimitExceededError(result.limit, BigInt(result.maximum), BigInt(result.remaining));
    case 'ORDER_NOT_PAYABLE':
      throw new OrderNotPayableError(result.status);
    case 'MERCHANT_FROZEN':
      throw new MerchantFrozenError();
    case 'LEDGER_REFUSED':
      throw ledgerFailureOf(result.error);
  }
}

/** The function's argument: what the payment writes if every check on the locked rows passes. */
function preparePayment(deps: AppDeps, input: PayFromBalanceInput, order: OrderForPayment) {
  const currency = order.currency as Currency;
  const fee = merchantFee(order.amount, order.merchant);
  const operationId = uuidv7();
  const paidAt = new Date();
  const limits = walletConfig().limits.PAYMENT;
  const requestHash = operationRequestHash({
    userId: input.userId,
    kind: 'PAYMENT',
    amount: order.amount,
    currency,
    idempotencyKey: input.idempotencyKey,
    orderId: order.id,
    merchantId: order.merchantId,
    paymentMethod: 'BALANCE',
    memo: order.subject,
  });
  const ledgerBatch = encodeLedgerOps([
    {
      type: 'transfer',
      idempotencyScope: 'wallet',
      entry: buildJournalEntry({
        kind: 'PAYMENT',
        postings: payFromBalancePostings({
          userId: input.userId,
          merchantId: order.merchantId,
          amount: order.amount,
          merchantFee: fee,
          currency,
        }),
        idempotencyKey: settlementKey({ id: operationId }),
        metadata: { operationId, orderId: order.id },
      }),
    },
  ]);
  // The order as it will be once paid: the body of the merchant's order.paid notification.
  const paidOrder = {
    ...order,
    status: 'PAID' as const,
    payerUserId: input.userId,
    paymentMethod: 'BALANCE' as const,
    paymentOperationId: operationId,
    merchantFee: fee,
    paidAt,
    updatedAt: paidAt,
  };
  const webhook = prepareWebhookEvent(
    {
      merchantId: order.merchantId,
      type: 'order.paid',
      orderId: order.id,
      url: order.notifyUrl,
      data: { object: toOrderJson(paidOrder, deps.appUrl) },
    },
    order.merchant.webhookUrl,
  );
  const args = {
    user_id: input.userId,
    order_id: order.id,
    merchant_id: order.merchantId,
    amount: order.amount.toString(),
    currency,
    memo: order.subject,
    fee: fee.toString(),
    idempotency_key: input.idempotencyKey,
    request_hash: requestHash,
    operation_id: operationId,
    paid_at: paidAt.toISOString(),
    limit_per_operation: limits.perOperation.toString(),
    limit_per_day: limits.perDay.toString(),
    day_start: startOfShanghaiDay(paidAt).toISOString(),
    notification_params: {
      amount: order.amount.toString(),
      currency,
      shop: order.merchant.shopName,
      subject: order.subject,
      orderId: order.id,
    },
    webhook: webhook
      ? { id: webhook.id, url: webhook.url, payload: webhook.payload, created_at: webhook.createdAt.toISOString() }
      : null,
  };
  return { args, ledgerBatch, webhookEventId: webhook?.id ?? null };
}

async function callPayFunction(db: Db, args: object, ledgerBatch: string): Promise<Outcome> {
  const rows = await db.$queryRaw<{ r: string }[]>`
    SELECT wallet_pay_order_from_balance(${JSON.stringify(args)}::jsonb, ${ledgerBatch}::jsonb)::text AS r`;
  return JSON.parse(rows[0]!.r) as Outcome;
}
