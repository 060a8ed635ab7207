// The row write that ends a bank-settled operation, whatever its kind (top-up, withdrawal,
// online-banking payment, merchant payout): status, ledger entry, the bank's reference (the
// first one kept), completion time and its timeline events, in the caller's transaction.
import 'server-only';
import type { Tx, Prisma } from '../../db';
import type { WalletOperation } from '../../generated/prisma/client';

type TimelineEvent = { type: string; detail: Prisma.InputJsonObject };

export function markOperationSucceeded(
  tx: Tx,
  operation: WalletOperation,
  settled: { ledgerEntryId: string; bankReference: string; events: TimelineEvent[] },
): Promise<WalletOperation> {
  return tx.walletOperation.update({
    where: { id: operation.id },
    data: {
      status: 'SUCCEEDED',
      ledgerEntryId: settled.ledgerEntryId,
      bankReference: operation.bankReference ?? settled.bankReference,
      completedAt: new Date(),
      events: { create: settled.events },
    },
  });
}

export function markOperationFailed(
  tx: Tx,
  operation: WalletOperation,
  outcome: { reason: string; bankReference?: string | null },
): Promise<WalletOperation> {
  return tx.walletOperation.update({
    where: { id: operation.id },
    data: {
      status: 'FAILED',
      failureReason: outcome.reason,
      bankReference: operation.bankReference ?? outcome.bankReference ?? null,
      completedAt: new Date(),
      events: { create: { type: 'FAILED', detail: { reason: outcome.reason } } },
    },
  });
}
