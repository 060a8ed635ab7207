// The transfer itself, inside the caller's transaction: the operation (limits, freeze,
// idempotency), its ledger entry (D payer, C payee), both sides' notifications and the
// SETTLED event. Shared by the transfer form, a receive code and a payment request, so
// every way of sending money to a person obeys the same rules. `beforeLedger` lets a caller
// claim something in the same transaction (a payment request flips to PAID there), so that
// the claim and the money commit or roll back together.
import 'server-only';
import { buildJournalEntry, DEFAULT_CURRENCY, transferPostings } from '@/ledger';
import type { Tx } from '../../db';
import type { WalletOperation } from '../../generated/prisma/client';
import { applyLedgerOps, okOrThrow } from '../../stored-ledger';
import { addNotification } from '../../notifications/add-notification';
import { beginOperation } from './begin-operation';

export type BookTransferInput = {
  userId: string;
  recipientUserId: string;
  amount: bigint;
  memo: string | null;
  idempotencyKey: string;
};

export async function bookTransfer(
  tx: Tx,
  input: BookTransferInput,
  beforeLedger?: (operationId: string) => Promise<void>,
): Promise<WalletOperation> {
  const begun = await beginOperation(tx, {
    userId: input.userId,
    kind: 'TRANSFER',
    amount: input.amount,
    currency: DEFAULT_CURRENCY,
    idempotencyKey: input.idempotencyKey,
    counterpartyUserId: input.recipientUserId,
    memo: input.memo,
  });
  if (begun.replayed) return begun.operation;
  if (beforeLedger) await beforeLedger(begun.operation.id);
  const entry = buildJournalEntry({
    kind: 'TRANSFER',
    postings: transferPostings({
      fromUserId: input.userId,
      toUserId: input.recipientUserId,
      amount: input.amount,
      currency: DEFAULT_CURRENCY,
    }),
    idempotencyKey: `operation:${begun.operation.id}:settle`,
    metadata: { operationId: begun.operation.id },
  });
  const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]);
  const ledgerEntryId = okOrThrow(result!).entryId; // InsufficientFundsError rolls everything back
  const sender = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { displayName: true } });
  const receiver = await tx.user.findUniqueOrThrow({
    where: { id: input.recipientUserId },
    select: { displayName: true },
  });
  const amount = input.amount.toString();
  await addNotification(tx, {
    userId: input.recipientUserId,
    kind: 'TRANSFER_RECEIVED',
    operationId: begun.operation.id,
    params: { amount, currency: DEFAULT_CURRENCY, from: sender.displayName },
  });
  await addNotification(tx, {
    userId: input.userId,
    kind: 'TRANSFER_SENT',
    operationId: begun.operation.id,
    params: { amount, currency: DEFAULT_CURRENCY, to: receiver.displayName },
  });
  return tx.walletOperation.update({
    where: { id: begun.operation.id },
    data: {
      status: 'SUCCEEDED',
      ledgerEntryId,
      completedAt: new Date(),
      events: { create: { type: 'SETTLED', detail: { ledgerEntryId } } },
    },
  });
}
