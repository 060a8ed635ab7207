// Use case: "resend the verification mail" (the sign-in page links to it). The newest waiting
// sign-up of the address (within a day, no account yet) gets a new link, and its old link
// stops working. The answer is the same whether there was one or not; the work is one UPDATE
// either way, and the mail leaves in the background (queueMail). At most one a minute per
// address; and a few an hour per client address (RATE_LIMITS.verificationResendsPerIp),
// counted before the address is looked at, so the refusal is the same for every address.
import 'server-only';
import type { Db } from '../db';
import { appUrl } from '../env';
import { queueMail } from '../mail/send-mail';
import { enforceRateLimit } from '../rate-limit/enforce-rate-limit';
import { signUpLinkMail } from './account-mails';
import { ACCOUNT_TOKEN_TTL_MINUTES, newAccountToken } from './account-token';
import type { FormContext } from './sign-up-request';
import { parseEmailField } from './email-field';

export const RESENDABLE_FOR_HOURS = 24;

export async function resendSignUpMail(db: Db, rawEmail: unknown, ctx: FormContext): Promise<void> {
  const email = parseEmailField(rawEmail);
  await enforceRateLimit('verificationResendsPerIp', ctx.ip);
  const token = newAccountToken();
  const rows = await db.$queryRaw<{ email: string }[]>`
    UPDATE sign_up_requests SET token_hash = ${token.hash}, expires_at = now() + make_interval(mins => ${ACCOUNT_TOKEN_TTL_MINUTES})
    WHERE id = (
      SELECT id FROM sign_up_requests
      WHERE email = ${email} AND NOT address_taken AND used_at IS NULL
        AND created_at > now() - make_interval(hours => ${RESENDABLE_FOR_HOURS})
      ORDER BY created_at DESC LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM users WHERE email = ${email})
      -- At most one new link a minute (its expiry moved less than a minute ago: too soon).
      AND expires_at < now() + make_interval(mins => ${ACCOUNT_TOKEN_TTL_MINUTES - 1})
    RETURNING email`;
  if (rows.length === 0) return;
  const link = `${ctx.baseUrl ?? appUrl()}/verify-email?token=${token.raw}`;
  queueMail(signUpLinkMail(email, ctx.locale, link, ACCOUNT_TOKEN_TTL_MINUTES));
}
