'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { amountField, idempotencyKeyField, idField, memoField, pinField } from '@/server/core/form-input';
import { InvalidInputError } from '@/server/core/domain-errors';
import { cancelPaymentRequest } from '@/server/receive/payment-requests/cancel-payment-request';
import { createPaymentRequest } from '@/server/receive/payment-requests/create-payment-request';
import { payPaymentRequest } from '@/server/receive/payment-requests/pay-payment-request';
import { payReceiveCode } from '@/server/receive/pay-receive-code';
import { resetReceiveCode } from '@/server/receive/receive-codes';
import { runAction, type ActionResult } from './action-result';

function textField(form: FormData, field: string): string {
  const value = form.get(field);
  if (typeof value !== 'string' || value === '') throw new InvalidInputError(field, `${field} is required`);
  if (value.length > 64) throw new InvalidInputError(field, `${field} is not valid`);
  return value;
}

function expiryField(form: FormData): number {
  const raw = textField(form, 'expiresInMinutes');
  if (!/^\d{1,6}$/.test(raw)) {
    throw new InvalidInputError('expiresInMinutes', 'Choose an expiry', { reason: 'EXPIRY_RANGE' });
  }
  return Number(raw);
}

/** 付款 to a receive code (its URL's amount and memo, or what the payer typed). */
export async function payReceiveCodeAction(form: FormData): Promise<ActionResult<{ operationId: string }>> {
  const user = await requireUser();
  return runAction(() =>
    payReceiveCode(
      { db: db() },
      {
        userId: user.id,
        code: textField(form, 'code'),
        amount: amountField(form),
        memo: memoField(form),
        idempotencyKey: idempotencyKeyField(form),
        pin: pinField(form),
      },
    ),
  );
}

/** 重置收款码: the page shows the new code. */
export async function resetReceiveCodeAction(): Promise<ActionResult<null>> {
  const user = await requireUser();
  const result = await runAction(async () => {
    await resetReceiveCode(db(), user.id);
    return null;
  });
  revalidatePath('/receive');
  return result;
}

export async function createPaymentRequestAction(form: FormData): Promise<ActionResult<{ token: string }>> {
  const user = await requireUser();
  const result = await runAction(async () => {
    const created = await createPaymentRequest(db(), {
      userId: user.id,
      amount: amountField(form),
      memo: memoField(form),
      expiresInMinutes: expiryField(form),
    });
    return { token: created.token };
  });
  if (result.ok) revalidatePath('/receive/requests');
  return result;
}

export async function cancelPaymentRequestAction(form: FormData): Promise<ActionResult<null>> {
  const user = await requireUser();
  const result = await runAction(async () => {
    await cancelPaymentRequest(db(), user.id, idField(form, 'requestId'));
    return null;
  });
  // The list and the request's own page (/receive/requests/<token>) both show its state.
  revalidatePath('/receive/requests', 'layout');
  return result;
}

export async function payPaymentRequestAction(form: FormData): Promise<ActionResult<{ operationId: string }>> {
  const user = await requireUser();
  return runAction(() =>
    payPaymentRequest(
      { db: db() },
      {
        userId: user.id,
        token: textField(form, 'token'),
        idempotencyKey: idempotencyKeyField(form),
        pin: pinField(form),
      },
    ),
  );
}
