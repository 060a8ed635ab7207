// An operation as one user sees it: the sender of a transfer sees money out, its receiver
// money in; names of other people are masked. A payment's or refund's other side is the shop.
import 'server-only';
import type {
  OperationEvent,
  OperationKind,
  OperationStatus,
  PaymentMethod,
  WalletOperation,
} from '../../generated/prisma/client';
import { lastFour, maskName } from '../../../lib/text/mask';
import { operationOutcome, type OperationOutcome } from '../../../lib/activity/operation-outcome';

export type ActivityKind = 'TOP_UP' | 'WITHDRAWAL' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'PAYMENT' | 'REFUND' | 'PAYOUT';

export type OperationView = {
  id: string;
  kind: ActivityKind;
  status: OperationStatus;
  /** The status as the person reads it: a debit cancelled at the bank or expired is not a failure. */
  outcome: OperationOutcome;
  currency: string;
  /** Signed from the viewer's side: + money in, − money out (fees not included). */
  amount: bigint;
  fee: bigint;
  /** Signed like amount, fee included: what the operation adds to or takes from the viewer's money. */
  total: bigint;
  /** PAYMENT that paid its order: how much of it the shop has refunded so far (0 when none). */
  refundedAmount: bigint;
  counterparty: string | null;
  /** PAYMENT: from the balance or straight from a bank account (`招商银行(1234)`). */
  paymentMethod: PaymentMethod | null;
  bankAccount: string | null;
  /** PAYMENT: the bank paid an order that could no longer be paid, so the money went to the balance. */
  creditedToBalance: boolean;
  memo: string | null;
  failureReason: string | null;
  bankReference: string | null;
  ledgerEntryId: string | null;
  createdAt: Date;
  completedAt: Date | null;
};

export type OperationWithParties = WalletOperation & {
  user: { displayName: string };
  counterparty?: { displayName: string } | null;
  bankAccount: { bankName: string; accountNumber: string } | null;
  /** PAYMENT / REFUND: the order's shop. */
  order?: { merchant: { shopName: string }; refundedAmount?: bigint; paymentOperationId?: string | null } | null;
  events?: { type: string }[];
};

/** What list and detail queries include so that toOperationView can name the other side. */
export const OPERATION_PARTIES_INCLUDE = {
  user: { select: { displayName: true } },
  bankAccount: { select: { bankName: true, accountNumber: true } },
  order: {
    select: { merchant: { select: { shopName: true } }, refundedAmount: true, paymentOperationId: true },
  },
  events: { where: { type: 'CREDITED_TO_BALANCE' }, select: { type: true } },
} as const;

export function activityKind(kind: OperationKind, ownerId: string, viewerId: string): ActivityKind {
  if (kind === 'TRANSFER') return ownerId === viewerId ? 'TRANSFER_OUT' : 'TRANSFER_IN';
  return kind;
}

export function toOperationView(
  op: OperationWithParties,
  viewerId: string,
  counterpartyName: string | null,
): OperationView {
  const kind = activityKind(op.kind, op.userId, viewerId);
  const creditedToBalance = kind === 'PAYMENT' && (op.events ?? []).some((e) => e.type === 'CREDITED_TO_BALANCE');
  // Money the bank sent for an order that could not be paid any more landed in the balance: money in.
  const incoming = kind === 'TOP_UP' || kind === 'TRANSFER_IN' || kind === 'REFUND' || creditedToBalance;
  const bankAccount = op.bankAccount && `${op.bankAccount.bankName}(${lastFour(op.bankAccount.accountNumber)})`;
  const counterparty =
    kind === 'TRANSFER_IN'
      ? maskName(op.user.displayName)
      : kind === 'TRANSFER_OUT'
        ? counterpartyName && maskName(counterpartyName)
        : kind === 'PAYMENT' || kind === 'REFUND'
          ? (op.order?.merchant.shopName ?? null)
          : bankAccount;
  // The receiver of a transfer pays no fee; whoever pays one pays it on top of the amount.
  const fee = kind === 'TRANSFER_IN' ? 0n : op.fee;
  const paidItsOrder = kind === 'PAYMENT' && op.order?.paymentOperationId === op.id;
  return {
    id: op.id,
    kind,
    status: op.status,
    outcome: operationOutcome(op.status, op.failureReason),
    currency: op.currency,
    amount: incoming ? op.amount : -op.amount,
    fee,
    total: incoming ? op.amount - fee : -(op.amount + fee),
    refundedAmount: paidItsOrder ? (op.order?.refundedAmount ?? 0n) : 0n,
    counterparty: counterparty ?? null,
    paymentMethod: kind === 'PAYMENT' ? op.paymentMethod : null,
    bankAccount: kind === 'PAYMENT' && op.paymentMethod === 'BANK' ? bankAccount : null,
    creditedToBalance,
    memo: op.memo,
    failureReason: op.failureReason,
    bankReference: op.bankReference,
    ledgerEntryId: op.ledgerEntryId,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
  };
}

export type TimelineEvent = Pick<OperationEvent, 'type' | 'createdAt'> & { detail: unknown };
