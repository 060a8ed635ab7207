'use server';

import { headers } from 'next/headers';
import { db } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { requestLocale } from '@/server/auth/request-locale';
import { requestSignUp } from '@/server/auth/sign-up-request';
import type { FieldErrors } from '@/server/auth/sign-up-schema';

export type SignUpActionResult =
  { ok: true } | { ok: false; fieldErrors: FieldErrors } | { ok: false; retryAfterSeconds: number };

/**
 * One answer for a free address and a taken one: `{ ok: true }` ("check your email"). Past the
 * per-address limit, `retryAfterSeconds`: a server action answers 200 with its result (it
 * cannot send a 429 page), so the form says how long to wait.
 */
export async function signUpAction(form: FormData): Promise<SignUpActionResult> {
  const result = await requestSignUp(
    db(),
    { email: form.get('email'), displayName: form.get('displayName'), password: form.get('password') },
    { locale: await requestLocale(), ip: clientIp(await headers()) },
  );
  return result.ok ? { ok: true } : result;
}
