'use server';

// The signed-out side of the account: resend the sign-up link, confirm it, forgot password,
// reset it. Answers never say whether an address has an account. Past a per-client-address
// limit the answer is RATE_LIMITED with the wait in its details: a server action answers 200
// with its result (it cannot send a 429 page), so the form says how long to wait.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { confirmSignUp } from '@/server/auth/confirm-sign-up';
import { requestPasswordReset, resetPassword } from '@/server/auth/password-reset';
import { requestLocale } from '@/server/auth/request-locale';
import { resendSignUpMail } from '@/server/auth/resend-sign-up-mail';
import { db } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { runAction, type ActionResult } from './action-result';

export async function resendSignUpMailAction(form: FormData): Promise<ActionResult<null>> {
  return runAction(async () => {
    await resendSignUpMail(db(), form.get('email'), { locale: await requestLocale(), ip: clientIp(await headers()) });
    return null;
  });
}

export async function confirmSignUpAction(form: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    await confirmSignUp(db(), form.get('token'));
    return null;
  });
  if (result.ok) redirect('/sign-in?notice=verified');
  return result;
}

export async function requestPasswordResetAction(form: FormData): Promise<ActionResult<null>> {
  return runAction(async () => {
    await requestPasswordReset(db(), form.get('email'), {
      locale: await requestLocale(),
      ip: clientIp(await headers()),
    });
    return null;
  });
}

export async function resetPasswordAction(form: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    await resetPassword(
      db(),
      { token: form.get('token'), newPassword: form.get('newPassword'), confirmPassword: form.get('confirmPassword') },
      { locale: await requestLocale() },
    );
    return null;
  });
  if (result.ok) redirect('/sign-in?notice=reset');
  return result;
}
