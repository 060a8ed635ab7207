// Transfer to another user by email, after the payment PIN is checked: one transaction holds the operation, its ledger
// entry (D payer, C payee), its timeline and both sides' notifications (book-transfer.ts), so it happens entirely or not at all.
import { inTransaction } from '../../core/in-transaction';
import type { AppDeps } from '../../core/deps';
import { verifyPaymentPin } from '../../pin/verify-payment-pin';
import { bookTransfer } from './book-transfer';
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
  const operation = await inTransaction(deps.db, (tx) =>
    bookTransfer(tx, {
      userId: input.userId,
      recipientUserId: recipient.userId,
      amount: input.amount,
      memo: input.memo,
      idempotencyKey: input.idempotencyKey,
    }),
  );
  return { operationId: operation.id };
}
