'use server';

import { getLocale } from 'next-intl/server';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { finishPinReset, startPinReset } from '@/server/pin/reset-payment-pin';
import { setPaymentPin } from '@/server/pin/set-payment-pin';
import { passwordField, pinField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Sets the first payment PIN (entered twice). */
export async function setPaymentPinAction(form: FormData): Promise<ActionResult<{ set: true }>> {
  const user = await requireUser();
  return runAction(async () => {
    await setPaymentPin(db(), user.id, { pin: pinField(form), pinConfirm: pinField(form, 'pinConfirm') });
    return { set: true as const };
  });
}

/** Forgotten PIN, step 1: the login password, then a code by mail. */
export async function startPinResetAction(form: FormData): Promise<ActionResult<{ sentTo: string }>> {
  const user = await requireUser();
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  return runAction(async () => startPinReset(db(), { userId: user.id, password: passwordField(form), locale }));
}

/** Forgotten PIN, step 2: the emailed code and the new PIN twice. */
export async function finishPinResetAction(form: FormData): Promise<ActionResult<{ reset: true }>> {
  const user = await requireUser();
  return runAction(async () => {
    await finishPinReset(db(), {
      userId: user.id,
      code: codeField(form),
      pin: pinField(form),
      pinConfirm: pinField(form, 'pinConfirm'),
    });
    return { reset: true as const };
  });
}

function codeField(form: FormData): string {
  const raw = form.get('code');
  return typeof raw === 'string' ? raw.trim().slice(0, 16) : '';
}
