// Use case: mail a sign-in code to an email's owner. The answer is the same for every
// address (known or not): a code row is written either way and only the owner is mailed,
// in the background, so neither the answer nor its timing tells whether the email has an
// account. Requests from one client address are limited (RATE_LIMITS.signInCodeRequestsPerIp),
// and per address and email (signInCodeMailsPerAccountAndIp), both counted before the email is
// looked up.
import 'server-only';
import { z } from 'zod';
import type { Db } from '../db';
import type { Locale } from '../../lib/i18n/locales';
import { queueMail } from '../mail/send-mail';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { signInCodeMail } from './sign-in-code-mail';
import { issueSignInCode } from './sign-in-codes';
import { normaliseEmail } from './sign-in';

export type RequestSignInCodeResult =
  | { ok: true; challengeId: string }
  | { ok: false; reason: 'INVALID_EMAIL' }
  | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

const emailSchema = z.email().max(254);

export async function requestSignInCode(
  db: Db,
  input: { email: string; ip: string; locale: Locale },
): Promise<RequestSignInCodeResult> {
  const email = normaliseEmail(input.email);
  if (!emailSchema.safeParse(email).success) return { ok: false, reason: 'INVALID_EMAIL' };

  const [perIp, perAccount] = await Promise.all([
    consumeRateLimit('signInCodeRequestsPerIp', input.ip),
    consumeRateLimit('signInCodeMailsPerAccountAndIp', `${input.ip} ${email}`),
  ]);
  if (!perIp.allowed || !perAccount.allowed) {
    return {
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: Math.max(
        perIp.allowed ? 0 : perIp.resetSeconds,
        perAccount.allowed ? 0 : perAccount.resetSeconds,
      ),
    };
  }

  const [{ challengeId, code }, user] = await Promise.all([
    issueSignInCode(db, email),
    db.user.findUnique({ where: { email }, select: { id: true } }),
  ]);
  if (user) queueMail(signInCodeMail(email, input.locale, code));
  return { ok: true, challengeId };
}
