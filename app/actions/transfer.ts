'use server';

import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { lookUpRecipient, type Recipient } from '@/server/wallet/operations/find-recipient';
import { transferToUser } from '@/server/wallet/operations/transfer-to-user';
import { amountField, emailField, idempotencyKeyField, memoField, pinField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

export async function findRecipientAction(form: FormData): Promise<ActionResult<Recipient>> {
  const user = await requireUser();
  return runAction(async () => {
    const found = await lookUpRecipient(db(), user.id, emailField(form));
    return { email: found.email, maskedEmail: found.maskedEmail, maskedName: found.maskedName };
  });
}

export async function transferAction(form: FormData): Promise<ActionResult<{ operationId: string }>> {
  const user = await requireUser();
  return runAction(async () =>
    transferToUser(
      { db: db() },
      {
        userId: user.id,
        recipientEmail: emailField(form),
        amount: amountField(form),
        memo: memoField(form),
        idempotencyKey: idempotencyKeyField(form),
        pin: pinField(form),
      },
    ),
  );
}
