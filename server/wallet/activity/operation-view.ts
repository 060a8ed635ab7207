// An operation as one user sees it: the sender of a transfer sees money out, its receiver
// money in; names of other people are masked.
import type { OperationEvent, OperationKind, OperationStatus, WalletOperation } from '../../generated/prisma/client';
import { lastFour, maskName } from '../mask';

export type ActivityKind = 'TOP_UP' | 'WITHDRAWAL' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'PAYMENT' | 'REFUND' | 'PAYOUT';

export type OperationView = {
  id: string;
  kind: ActivityKind;
  status: OperationStatus;
  currency: string;
  /** Signed from the viewer's side: + money in, − money out (fees not included). */
  amount: bigint;
  fee: bigint;
  counterparty: string | null;
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
};

export function activityKind(kind: OperationKind, ownerId: string, viewerId: string): ActivityKind {
  if (kind === 'TRANSFER') return ownerId === viewerId ? 'TRANSFER_OUT' : 'TRANSFER_IN';
  return kind;
}

export function toOperationView(op: OperationWithParties, viewerId: string, counterpartyName: string | null): OperationView {
  const kind = activityKind(op.kind, op.userId, viewerId);
  const incoming = kind === 'TOP_UP' || kind === 'TRANSFER_IN' || kind === 'REFUND';
  const counterparty =
    kind === 'TRANSFER_IN'
      ? maskName(op.user.displayName)
      : kind === 'TRANSFER_OUT'
        ? counterpartyName && maskName(counterpartyName)
        : op.bankAccount && `${op.bankAccount.bankName}(${lastFour(op.bankAccount.accountNumber)})`;
  return {
    id: op.id,
    kind,
    status: op.status,
    currency: op.currency,
    amount: incoming ? op.amount : -op.amount,
    fee: kind === 'TRANSFER_IN' ? 0n : op.fee,
    counterparty: counterparty ?? null,
    memo: op.memo,
    failureReason: op.failureReason,
    bankReference: op.bankReference,
    ledgerEntryId: op.ledgerEntryId,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
  };
}

export type TimelineEvent = Pick<OperationEvent, 'type' | 'createdAt'> & { detail: unknown };
