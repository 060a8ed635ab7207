'use server';

import { db } from '@/server/db';
import { requestLocale } from '@/server/auth/request-locale';
import { requestSignUp } from '@/server/auth/sign-up-request';
import type { FieldErrors } from '@/server/auth/sign-up-schema';

export type SignUpActionResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/** One answer for a free address and a taken one: `{ ok: true }` ("check your email"). */
export async function signUpAction(form: FormData): Promise<SignUpActionResult> {
  const result = await requestSignUp(
    db(),
    { email: form.get('email'), displayName: form.get('displayName'), password: form.get('password') },
    { locale: await requestLocale() },
  );
  return result.ok ? { ok: true } : result;
}
