// Transfer to another user, after the payment PIN is checked: one transaction holds the operation, its ledger entry (D payer,
// C payee), its timeline and both sides' notifications, so it happens entirely or not at all.
import { buildJournalEntry, DEFAULT_CURRENCY, transferPostings } from '@/ledger';
import { applyLedgerOps, okOrThrow } from '../../stored-ledger';
import { addNotification } from '../../notifications/add-notification';
import { verifyPaymentPin } from '../../pin/verify-payment-pin';
import { inTransaction } from '../../core/in-transaction';
import type { AppDeps } from '../../core/deps';
import { beginOperation } from './begin-operation';
import { findRecipient } from './find-recipient';

export type TransferInput = {
  userId: string;
  recipientEmail: string;
  amount: bigint;
  memo: string | null;
  idempotencyKey: string;
  pin: string;
};

export async function transferToUser(
  deps: Pick<AppDeps, 'db'>,
  input: TransferInput,
): Promise<{ operationId: string }> {
  const recipient = await findRecipient(deps.db, input.userId, input.recipientEmail);
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  const operation = await inTransaction(deps.db, async (tx) => {
    const begun = await beginOperation(tx, {
      userId: input.userId,
      kind: 'TRANSFER',
      amount: input.amount,
      currency: DEFAULT_CURRENCY,
      idempotencyKey: input.idempotencyKey,
      counterpartyUserId: recipient.userId,
      memo: input.memo,
    });
    if (begun.replayed) return begun.operation;
    const entry = buildJournalEntry({
      kind: 'TRANSFER',
      postings: transferPostings({
        fromUserId: input.userId,
        toUserId: recipient.userId,
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
      where: { id: recipient.userId },
      select: { displayName: true },
    });
    const amount = input.amount.toString();
    await addNotification(tx, {
      userId: recipient.userId,
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
  });
  return { operationId: operation.id };
}
