// Use case: check a sign-in, with no lock a stranger can trigger and no answer that tells
// which emails have accounts.
// - After RATE_LIMITS.signInFailuresPerAccount failures on an email (from anywhere), the
//   password alone no longer signs in: a one-time code mailed to the owner is needed too. The
//   owner still gets in; a guesser does not. Unknown emails are counted the same way.
// - Failures per client address are limited (signInFailuresPerIp); past it the route answers
//   429 before this runs (app/api/auth/[...nextauth]/route.ts).
// - The password is always hashed (a fixed hash for unknown emails), so answers take alike.
// - A user with an authenticator app (all admins) also gives its code, or a recovery code.
import 'server-only';
import type { Db } from '../db';
import { consumeRateLimit, peekRateLimit, resetRateLimit } from '../rate-limit/rate-limiter';
import { dummyPasswordHash, verifyPassword } from './password';
import { redeemSignInCode } from './sign-in-codes';
import { twoFactorEnabled, verifySecondFactor } from './two-factor/two-factor';

export type SignInAttempt = {
  email: string;
  password: string;
  code?: string;
  challengeId?: string;
  secondFactor?: string;
  ip: string;
};

export type SignInFailure =
  'INVALID_CREDENTIALS' | 'CODE_REQUIRED' | 'INVALID_CODE' | 'TWO_FACTOR_REQUIRED' | 'INVALID_TWO_FACTOR';
export type SignInResult = { ok: true; userId: string } | { ok: false; reason: SignInFailure };

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Whether signing in with this email needs the emailed code (same answer for unknown emails). */
export async function signInNeedsCode(email: string): Promise<boolean> {
  return !(await peekRateLimit('signInFailuresPerAccount', normaliseEmail(email))).allowed;
}

export async function checkSignIn(db: Db, attempt: SignInAttempt): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email);
  const needsCode = await signInNeedsCode(email);
  const code = attempt.code?.trim() ?? '';
  // Without the code the password is not even checked: the answer must not tell a guesser
  // whether the password was right.
  if (needsCode && !code) return { ok: false, reason: 'CODE_REQUIRED' };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
  const codeOk = needsCode ? await redeemSignInCode(db, email, attempt.challengeId ?? '', code) : true;

  if (user && passwordOk && codeOk) {
    // Asked only once the password is known to be right, as every two-factor sign-in does.
    if (await twoFactorEnabled(db, user.id)) {
      const secondFactor = attempt.secondFactor?.trim() ?? '';
      if (!secondFactor) return { ok: false, reason: 'TWO_FACTOR_REQUIRED' };
      if (!(await verifySecondFactor(db, user.id, secondFactor))) {
        await countFailure(email, attempt.ip);
        return { ok: false, reason: 'INVALID_TWO_FACTOR' };
      }
    }
    await resetRateLimit('signInFailuresPerAccount', email);
    return { ok: true, userId: user.id };
  }
  await countFailure(email, attempt.ip);
  return { ok: false, reason: needsCode ? 'INVALID_CODE' : 'INVALID_CREDENTIALS' };
}

async function countFailure(email: string, ip: string): Promise<void> {
  await Promise.all([consumeRateLimit('signInFailuresPerAccount', email), consumeRateLimit('signInFailuresPerIp', ip)]);
}
