// The outcome of one of the viewer's payments of an order, for the result page (after a
// balance payment, and where the bank sends the customer back). The query string only
// names the operation: its status comes from our records, and only its payer can see it.
import 'server-only';
import { DEFAULT_CURRENCY, isCurrency, type Currency } from '@/ledger';
import type { Db } from '../db';
import type { OperationStatus, PaymentMethod } from '../generated/prisma/enums';
import { isUuid } from '../../lib/ids/is-uuid';
import { lastFour } from '../../lib/text/mask';
import { NotFoundError } from '../core/domain-errors';
import { safeReturnUrl } from './safe-return-url';

/** PAID: the order is paid; CREDITED_TO_BALANCE: the bank paid an order that could no longer be paid. */
export type PaymentOutcome = 'PENDING' | 'PAID' | 'CREDITED_TO_BALANCE' | 'FAILED';

export type PaymentResult = {
  operationId: string;
  orderId: string;
  outcome: PaymentOutcome;
  status: OperationStatus;
  amount: bigint;
  currency: Currency;
  shopName: string;
  subject: string;
  merchantOrderNo: string;
  method: PaymentMethod | null;
  /** `招商银行(1234)` for online banking. */
  bank: { bankName: string; lastFour: string } | null;
  failureReason: string | null;
  returnUrl: string | null;
  completedAt: Date | null;
};

export function paymentOutcome(status: OperationStatus, eventTypes: string[]): PaymentOutcome {
  if (status === 'PENDING') return 'PENDING';
  if (status === 'FAILED') return 'FAILED';
  return eventTypes.includes('CREDITED_TO_BALANCE') ? 'CREDITED_TO_BALANCE' : 'PAID';
}

export async function getPaymentResultOrThrow(
  db: Db,
  viewerId: string,
  orderId: string,
  operationId: string,
): Promise<PaymentResult> {
  if (!isUuid(orderId) || !isUuid(operationId)) throw new NotFoundError('Payment');
  const op = await db.walletOperation.findFirst({
    where: { id: operationId, userId: viewerId, orderId, kind: 'PAYMENT' },
    include: {
      order: { include: { merchant: { select: { shopName: true } } } },
      bankAccount: { select: { bankName: true, accountNumber: true } },
      events: { select: { type: true } },
    },
  });
  if (!op || !op.order) throw new NotFoundError('Payment');
  return {
    operationId: op.id,
    orderId: op.order.id,
    outcome: paymentOutcome(
      op.status,
      op.events.map((e) => e.type),
    ),
    status: op.status,
    amount: op.amount,
    currency: isCurrency(op.currency) ? op.currency : DEFAULT_CURRENCY,
    shopName: op.order.merchant.shopName,
    subject: op.order.subject,
    merchantOrderNo: op.order.merchantOrderNo,
    method: op.paymentMethod,
    bank: op.bankAccount
      ? { bankName: op.bankAccount.bankName, lastFour: lastFour(op.bankAccount.accountNumber) }
      : null,
    failureReason: op.failureReason,
    returnUrl: safeReturnUrl(op.order.returnUrl),
    completedAt: op.completedAt,
  };
}
