// A forgotten payment PIN is replaced with two things a thief with only the session lacks:
// the login password (checked like sign-in, so wrong ones count toward its lockout) and a
// code mailed to the account's address. The code is six digits, stored as a keyed hash,
// valid PIN_RESET_CODE_MINUTES, single use, and burnt after PIN_RESET_CODE_ATTEMPTS wrong
// tries (counted by one UPDATE, so concurrent tries count exactly); a new request voids the
// previous code. Setting the new PIN clears the PIN's failures and lock.
import 'server-only';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { verifyUserPassword } from '../auth/verify-user-password';
import type { Db } from '../db';
import { inTransaction } from '../core/in-transaction';
import type { Locale } from '../../lib/i18n/locales';
import { sendMail } from '../mail/send-mail';
import { maskEmail } from '../../lib/text/mask';
import { WrongPasswordError } from '../core/domain-errors';
import { hashPin } from './pin-hash';
import { PinResetCodeExpiredError, PinResetCodeWrongError } from './pin-errors';
import { pinResetMail } from './pin-reset-mail';
import { checkNewPin, newPinColumns, type NewPinInput } from './set-payment-pin';

export const PIN_RESET_CODE_MINUTES = 15;
export const PIN_RESET_CODE_ATTEMPTS = 5;

/** The code's hash: keyed with the pepper, bound to the user. */
function codeHash(userId: string, code: string): Buffer {
  return hashPin(code, Buffer.from(`pin-reset:${userId}`, 'utf8'));
}

/** Checks the login password, then mails a new code; answers the masked address it went to. */
export async function startPinReset(
  db: Db,
  input: { userId: string; password: string; locale: Locale },
): Promise<{ sentTo: string }> {
  if (!(await verifyUserPassword(db, input.userId, input.password))) throw new WrongPasswordError();
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true } });
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  await inTransaction(db, async (tx) => {
    await tx.pinResetCode.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.$executeRaw`
      INSERT INTO pin_reset_codes (user_id, code_hash, expires_at)
      VALUES (${input.userId}::uuid, ${new Uint8Array(codeHash(input.userId, code))}, now() + make_interval(mins => ${PIN_RESET_CODE_MINUTES}))`;
  });
  // Awaited: the person is told the code was sent only once the mail server took it.
  await sendMail(pinResetMail(user.email, input.locale, code, PIN_RESET_CODE_MINUTES));
  return { sentTo: maskEmail(user.email) };
}

/** The emailed code and the new PIN (twice): sets it and clears the lock. */
export async function finishPinReset(db: Db, input: { userId: string; code: string } & NewPinInput): Promise<void> {
  checkNewPin(input);
  // Claim one try of the newest live code (database clock); none left → ask for a new code.
  const [claimed] = await db.$queryRaw<{ id: string; code_hash: Uint8Array; attempts: number }[]>`
    UPDATE pin_reset_codes SET attempts = attempts + 1
    WHERE id = (
      SELECT id FROM pin_reset_codes
      WHERE user_id = ${input.userId}::uuid AND used_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1
    ) AND used_at IS NULL AND attempts < ${PIN_RESET_CODE_ATTEMPTS}
    RETURNING id, code_hash, attempts`;
  if (!claimed) throw new PinResetCodeExpiredError();
  const given = /^[0-9]{6}$/.test(input.code) ? codeHash(input.userId, input.code) : Buffer.alloc(32);
  if (!timingSafeEqual(given, Buffer.from(claimed.code_hash))) {
    const left = PIN_RESET_CODE_ATTEMPTS - claimed.attempts;
    throw left > 0 ? new PinResetCodeWrongError(left) : new PinResetCodeExpiredError();
  }
  await inTransaction(db, async (tx) => {
    const used = await tx.pinResetCode.updateMany({
      where: { id: claimed.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw new PinResetCodeExpiredError();
    await tx.user.update({ where: { id: input.userId }, data: newPinColumns(input.pin) });
  });
}
