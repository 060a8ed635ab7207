// Use case: changing the password on /me/security (the current one, then the new one twice).
// The current password goes through the sign-in check (verify-user-password.ts), so guesses
// here meet the same defences as at sign-in. Every other session is signed out and unused
// reset links die in the same transaction; the owner is mailed that it changed.
import 'server-only';
import type { Db } from '../db';
import { inTransaction } from '../core/in-transaction';
import { appUrl } from '../env';
import { InvalidNewPasswordError, WrongCurrentPasswordError } from './account-errors';
import { queueMail } from '../mail/send-mail';
import { passwordChangedMail } from './account-mails';
import { checkNewPassword } from './new-password';
import { hashPassword } from './password';
import { revokeSessionsOf } from './sessions';
import type { MailContext } from './sign-up-request';
import { verifyUserPassword } from './verify-user-password';

export async function changePassword(
  db: Db,
  input: {
    userId: string;
    sessionId: string;
    currentPassword: unknown;
    newPassword: unknown;
    confirmPassword: unknown;
  },
  ctx: MailContext,
): Promise<void> {
  const current = input.currentPassword;
  if (typeof current !== 'string' || current.length === 0 || current.length > 1024)
    throw new WrongCurrentPasswordError();
  const password = checkNewPassword(input.newPassword, input.confirmPassword);
  if (password === current) throw new InvalidNewPasswordError('newPassword', 'SAME_AS_CURRENT');
  if (!(await verifyUserPassword(db, input.userId, current))) throw new WrongCurrentPasswordError();
  const passwordHash = await hashPassword(password);
  const { email, at } = await inTransaction(db, async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { passwordHash }, select: { email: true } });
    await tx.passwordResetToken.updateMany({
      where: { userId: input.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    await revokeSessionsOf(tx, input.userId, { except: input.sessionId });
    return { email: user.email, at: new Date() };
  });
  queueMail(passwordChangedMail(email, ctx.locale, at, `${ctx.baseUrl ?? appUrl()}/forgot-password`));
}
