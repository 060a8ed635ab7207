'use server';
import 'server-only';

// The operator's sign-in and sign-out. The cookie is HttpOnly, SameSite=Lax, limited to the
// bank's pages, Secure over https.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireSandboxBankEnabled } from '../require-enabled';
import { sandboxBankEnv } from '../env';
import {
  newOperatorSession,
  OPERATOR_COOKIE,
  OPERATOR_SESSION_SECONDS,
  operatorPasswordMatches,
  safeOperatorNext,
} from '../operator/operator-session';

export type OperatorSignInState = { error: 'WRONG_PASSWORD' | 'EMPTY' } | null;

export async function operatorSignInAction(
  _prev: OperatorSignInState,
  formData: FormData,
): Promise<OperatorSignInState> {
  requireSandboxBankEnabled();
  const password = formData.get('password');
  if (typeof password !== 'string' || password === '') return { error: 'EMPTY' };
  const secret = sandboxBankEnv().operatorSecret;
  if (!operatorPasswordMatches(secret, password)) return { error: 'WRONG_PASSWORD' };
  const https = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(OPERATOR_COOKIE, newOperatorSession(secret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    path: '/sandbox-bank',
    maxAge: OPERATOR_SESSION_SECONDS,
  });
  redirect(safeOperatorNext(formData.get('next')));
}

export async function operatorSignOutAction(): Promise<void> {
  (await cookies()).delete({ name: OPERATOR_COOKIE, path: '/sandbox-bank' });
  redirect('/sandbox-bank');
}
