// The public shape of a merchant payout (dashboard, API and payout.* notifications).
import 'server-only';
import type { WalletOperation } from '../generated/prisma/client';

export type PayoutJson = {
  id: string;
  object: 'payout';
  amount: number;
  fee: number;
  currency: string;
  status: WalletOperation['status'];
  failure_reason: string | null;
  created_at: string;
};

export function toPayoutJson(operation: WalletOperation): PayoutJson {
  return {
    id: operation.id,
    object: 'payout',
    amount: Number(operation.amount),
    fee: Number(operation.fee),
    currency: operation.currency,
    status: operation.status,
    failure_reason: operation.failureReason,
    created_at: operation.createdAt.toISOString(),
  };
}
