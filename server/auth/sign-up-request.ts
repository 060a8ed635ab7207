// Use case: the sign-up form. Every valid form gets the same answer ("check your email"),
// whether the address is free or already has an account, after the same work: the password is
// hashed and one row is written to sign_up_requests in one statement either way. A free
// address is sent a link that creates the account (confirm-sign-up.ts); the owner of a taken
// one is told that someone tried. The mail leaves in the background (queueMail), so its
// sending does not show in the answer's timing either. Sign-ups from one client address are
// limited (RATE_LIMITS.signUpsPerIp), counted before the password is hashed or the address
// looked at, so the refusal is the same for every address.
import 'server-only';
import type { Db } from '../db';
import { appUrl } from '../env';
import type { Locale } from '../../lib/i18n/locales';
import { queueMail } from '../mail/send-mail';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { addressTakenMail, signUpLinkMail } from './account-mails';
import { ACCOUNT_TOKEN_TTL_MINUTES, newAccountToken } from './account-token';
import { hashPassword } from './password';
import { parseSignUp } from './sign-up';
import type { FieldErrors } from './sign-up-schema';

export type SignUpRequestResult =
  { ok: true } | { ok: false; fieldErrors: FieldErrors } | { ok: false; retryAfterSeconds: number };

export type MailContext = { locale: Locale; baseUrl?: string };

/** A signed-out form's request: its mail context and the client's address (server/http/client-ip.ts). */
export type FormContext = MailContext & { ip: string };

/** Sign-up mails to one address per hour, so the form cannot be used to flood a mailbox. */
export const SIGN_UP_MAILS_PER_HOUR = 5;

export async function requestSignUp(db: Db, raw: unknown, ctx: FormContext): Promise<SignUpRequestResult> {
  const parsed = parseSignUp(raw);
  if (!parsed.ok) return parsed;
  const limit = await consumeRateLimit('signUpsPerIp', ctx.ip);
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.resetSeconds };
  const { email, displayName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const token = newAccountToken();
  // A taken address keeps no password hash: its row only records the attempt.
  const [row] = await db.$queryRaw<{ address_taken: boolean; earlier: number }[]>`
    WITH taken AS (SELECT EXISTS (SELECT 1 FROM users WHERE email = ${email}) AS yes),
    recent AS (SELECT count(*)::int AS n FROM sign_up_requests WHERE email = ${email} AND created_at > now() - interval '1 hour'),
    inserted AS (
      INSERT INTO sign_up_requests (id, email, display_name, password_hash, address_taken, token_hash, expires_at)
      SELECT uuidv7(), ${email}, ${displayName}, CASE WHEN taken.yes THEN '' ELSE ${passwordHash} END, taken.yes,
             ${token.hash}, now() + make_interval(mins => ${ACCOUNT_TOKEN_TTL_MINUTES})
      FROM taken
      RETURNING address_taken)
    SELECT inserted.address_taken, recent.n AS earlier FROM inserted, recent`;
  // Over the hourly allowance the attempt is recorded and answered alike, but not mailed.
  if (row!.earlier >= SIGN_UP_MAILS_PER_HOUR) return { ok: true };
  const base = ctx.baseUrl ?? appUrl();
  const mail = row!.address_taken
    ? addressTakenMail(email, ctx.locale, { signIn: `${base}/sign-in`, reset: `${base}/forgot-password` })
    : signUpLinkMail(email, ctx.locale, `${base}/verify-email?token=${token.raw}`, ACCOUNT_TOKEN_TTL_MINUTES);
  queueMail(mail);
  return { ok: true };
}
