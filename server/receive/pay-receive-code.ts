// Paying someone's receive code (scanned, or its URL opened): a transfer to the code's owner,
// through the same booking as every transfer (PIN, limits, freeze, idempotency, both sides'
// notifications). A revoked or unknown code pays nobody.
import 'server-only';
import { SelfTransferError } from '@/ledger';
import type { AppDeps } from '../core/deps';
import { inTransaction } from '../core/in-transaction';
import { verifyPaymentPin } from '../pin/verify-payment-pin';
import { bookTransfer } from '../wallet/operations/book-transfer';
import { findReceiveCodeOwnerOrThrow } from './receive-codes';

export type PayReceiveCodeInput = {
  userId: string;
  code: string;
  amount: bigint;
  memo: string | null;
  idempotencyKey: string;
  pin: string;
};

export async function payReceiveCode(
  deps: Pick<AppDeps, 'db'>,
  input: PayReceiveCodeInput,
): Promise<{ operationId: string }> {
  const owner = await findReceiveCodeOwnerOrThrow(deps.db, input.code);
  if (owner.userId === input.userId) throw new SelfTransferError({ field: 'code' });
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  const operation = await inTransaction(deps.db, async (tx) => {
    // Checked again inside: a code reset while the PIN was typed no longer pays.
    await findReceiveCodeOwnerOrThrow(tx, input.code);
    return bookTransfer(tx, {
      userId: input.userId,
      recipientUserId: owner.userId,
      amount: input.amount,
      memo: input.memo,
      idempotencyKey: input.idempotencyKey,
    });
  });
  return { operationId: operation.id };
}
