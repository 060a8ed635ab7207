// The first step of paying an order, either way, inside the caller's transaction: lock the
// order (then the customer, in beginOperation — the order of locks refunds use too), refuse
// the shop's own order, write the PAYMENT operation (a reused key answers with the first
// one), and refuse an order that is no longer payable on the database clock or whose
// merchant is frozen (the throw rolls the operation back: nothing is written).
import 'server-only';
import type { Currency } from '@/ledger';
import type { Tx } from '../db';
import type { Merchant, Order, PaymentMethod } from '../generated/prisma/client';
import { MerchantFrozenError } from '../merchants/merchant-errors';
import { isMerchantFrozen } from '../merchants/refuse-frozen-merchant';
import { beginOperation, type BegunOperation } from '../wallet/operations/begin-operation';
import { lockOrderOrThrow } from './lock-order';
import { OrderNotPayableError, OwnOrderError } from './order-errors';

export type OrderPaymentRequest = {
  userId: string;
  orderId: string;
  idempotencyKey: string;
  method: PaymentMethod;
  bankAccountId?: string;
};

export async function beginOrderPayment(
  tx: Tx,
  request: OrderPaymentRequest,
): Promise<BegunOperation & { order: Order; merchant: Merchant }> {
  const { order, openForPayment } = await lockOrderOrThrow(tx, request.orderId);
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: order.merchantId } });
  if (merchant.userId === request.userId) throw new OwnOrderError();
  const begun = await beginOperation(tx, {
    userId: request.userId,
    kind: 'PAYMENT',
    amount: order.amount,
    currency: order.currency as Currency,
    idempotencyKey: request.idempotencyKey,
    ...(request.bankAccountId ? { bankAccountId: request.bankAccountId } : {}),
    orderId: order.id,
    merchantId: merchant.id,
    paymentMethod: request.method,
    memo: order.subject,
  });
  if (!begun.replayed && !openForPayment)
    throw new OrderNotPayableError(order.status === 'PENDING' ? 'EXPIRED' : order.status);
  // A frozen merchant takes no new payment; a replay still answers with the payment made before.
  if (!begun.replayed && (await isMerchantFrozen(tx, merchant.id))) throw new MerchantFrozenError();
  return { ...begun, order, merchant };
}
