// Use cases: "forgot password" and the reset link. Asking answers the same for any address
// (one statement either way: it writes a link only when the address has an account, and makes
// that account's older links unusable). Using the link sets the password, proves the address,
// and signs out every session, in one transaction; the owner is mailed that it changed.
// Mails leave in the background (queueMail): sending one or not does not show in the timing.
// Past RESET_MAILS_PER_HOUR for an account, asking does nothing (and answers the same). Asking
// from one client address is limited too (RATE_LIMITS.passwordResetRequestsPerIp): counted
// before the address is looked up, so the refusal (RATE_LIMITED) is the same for every address.
import 'server-only';
import type { Db } from '../db';
import { inTransaction } from '../core/in-transaction';
import { appUrl } from '../env';
import { LinkInvalidError } from './account-errors';
import { queueMail } from '../mail/send-mail';
import { enforceRateLimit } from '../rate-limit/enforce-rate-limit';
import { passwordChangedMail, passwordResetMail } from './account-mails';
import {
  ACCOUNT_TOKEN_TTL_MINUTES,
  hashAccountToken,
  isWellFormedAccountToken,
  newAccountToken,
} from './account-token';
import { parseEmailField } from './email-field';
import { checkNewPassword } from './new-password';
import { hashPassword } from './password';
import { revokeSessionsOf } from './sessions';
import type { FormContext, MailContext } from './sign-up-request';

/** Reset mails to one account per hour, so the form cannot be used to flood a mailbox. */
export const RESET_MAILS_PER_HOUR = 5;

export async function requestPasswordReset(db: Db, rawEmail: unknown, ctx: FormContext): Promise<void> {
  const email = parseEmailField(rawEmail);
  await enforceRateLimit('passwordResetRequestsPerIp', ctx.ip);
  const token = newAccountToken();
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    WITH target AS (
      SELECT id FROM users WHERE email = ${email}
        AND (SELECT count(*) FROM password_reset_tokens t
             WHERE t.user_id = users.id AND t.created_at > now() - interval '1 hour') < ${RESET_MAILS_PER_HOUR}),
    retired AS (
      UPDATE password_reset_tokens SET used_at = now()
      WHERE user_id IN (SELECT id FROM target) AND used_at IS NULL)
    INSERT INTO password_reset_tokens (id, user_id, token_hash, expires_at)
    SELECT uuidv7(), id, ${token.hash}, now() + make_interval(mins => ${ACCOUNT_TOKEN_TTL_MINUTES}) FROM target
    RETURNING user_id`;
  if (rows.length === 0) return;
  const link = `${ctx.baseUrl ?? appUrl()}/reset-password?token=${token.raw}`;
  queueMail(passwordResetMail(email, ctx.locale, link, ACCOUNT_TOKEN_TTL_MINUTES));
}

/** Whether a reset link can still be used (the page shows the form, or says it expired). */
export async function isPasswordResetUsable(db: Db, rawToken: unknown): Promise<boolean> {
  if (!isWellFormedAccountToken(rawToken)) return false;
  const [row] = await db.$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM password_reset_tokens
    WHERE token_hash = ${hashAccountToken(rawToken)} AND used_at IS NULL AND expires_at > now()`;
  return Boolean(row);
}

export async function resetPassword(
  db: Db,
  input: { token: unknown; newPassword: unknown; confirmPassword: unknown },
  ctx: MailContext,
): Promise<{ userId: string }> {
  if (!isWellFormedAccountToken(input.token)) throw new LinkInvalidError();
  const password = checkNewPassword(input.newPassword, input.confirmPassword);
  const passwordHash = await hashPassword(password);
  const hash = hashAccountToken(input.token);
  const { userId, email, at } = await inTransaction(db, async (tx) => {
    const [used] = await tx.$queryRaw<{ user_id: string }[]>`
      UPDATE password_reset_tokens SET used_at = now()
      WHERE token_hash = ${hash} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`;
    if (!used) throw new LinkInvalidError();
    const user = await tx.user.update({
      where: { id: used.user_id },
      data: { passwordHash },
      select: { id: true, email: true, emailVerifiedAt: true },
    });
    // Following a link from the mailbox proves the address too.
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await revokeSessionsOf(tx, user.id);
    return { userId: user.id, email: user.email, at: new Date() };
  });
  const base = ctx.baseUrl ?? appUrl();
  queueMail(passwordChangedMail(email, ctx.locale, at, `${base}/forgot-password`));
  return { userId };
}
