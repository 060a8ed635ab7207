// Checks the payment PIN before an action that moves money or changes a credential.
// MAX_WRONG_PINS wrong ones in a row lock the PIN (sign-in is untouched) for PIN_LOCK_HOURS,
// during which even the right PIN is refused; a right one resets the count. Failures are
// counted by one UPDATE on the database clock (as sign-in.ts counts), so concurrent wrong
// guesses count exactly and no clock skew between app servers moves the lock.
import 'server-only';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { InvalidInputError } from '../core/domain-errors';
import { pinMatches } from './pin-hash';
import { PinLockedError, PinNotSetError, PinRequiredError, WrongPinError } from './pin-errors';
import { isPinFormat } from '../../lib/pin/pin-rules';

export const MAX_WRONG_PINS = 5;
export const PIN_LOCK_HOURS = 3;

/** What the check needs of the user's row (PIN_ROW_COLUMNS reads it in another query too). */
export type PinRow = {
  pin_hash: Uint8Array | null;
  pin_salt: Uint8Array | null;
  failed_pin_count: number;
  pin_locked_until: Date | null;
  locked: boolean;
};

/** The users table's columns of a PinRow, for a query that reads them beside something else. */
export function pinRowColumns(alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new TypeError(`not a table alias: ${alias}`);
  const a = alias;
  return Prisma.raw(
    `${a}.pin_hash, ${a}.pin_salt, ${a}.failed_pin_count, ${a}.pin_locked_until,
     (${a}.pin_locked_until IS NOT NULL AND ${a}.pin_locked_until > now()) AS locked`,
  );
}

/** Resolves when the PIN is right; throws PIN_REQUIRED / PIN_NOT_SET / PIN_LOCKED / WRONG_PIN otherwise. */
export async function verifyPaymentPin(db: Db, userId: string, pin: string | null | undefined): Promise<void> {
  assertPinFormat(pin);
  const [row] = await db.$queryRaw<PinRow[]>`SELECT ${pinRowColumns('users')} FROM users WHERE id = ${userId}::uuid`;
  await checkPaymentPin(db, userId, pin, row);
}

/** A missing or malformed PIN is refused before anything is read or counted (no guess was made). */
export function assertPinFormat(pin: string | null | undefined): asserts pin is string {
  if (pin === undefined || pin === null || pin === '') throw new PinRequiredError();
  if (!isPinFormat(pin)) throw new InvalidInputError('pin', 'The payment PIN is six digits');
}

/** The check on a row already read (undefined: no such user); counts a wrong PIN. */
export async function checkPaymentPin(db: Db, userId: string, pin: string, row: PinRow | undefined): Promise<void> {
  if (!row || !row.pin_hash || !row.pin_salt) throw new PinNotSetError();
  if (row.locked) throw new PinLockedError(row.pin_locked_until!);

  if (pinMatches(pin, row.pin_salt, row.pin_hash)) {
    if (row.failed_pin_count === 0 && row.pin_locked_until === null) return;
    // Reset only if concurrent failures have not locked it meanwhile.
    const reset = await db.$executeRaw`
      UPDATE users SET failed_pin_count = 0, pin_locked_until = NULL
      WHERE id = ${userId}::uuid AND (pin_locked_until IS NULL OR pin_locked_until <= now())`;
    if (reset === 1) return;
    throw new PinLockedError(await lockedUntil(db, userId));
  }
  throw await recordWrongPin(db, userId);
}

/**
 * One statement: counts the failure (a lock that has run out starts a new count) and locks at
 * the limit; a guess that arrives while locked changes nothing. The row lock orders concurrent
 * guesses, each re-reading the row another one just wrote.
 */
async function recordWrongPin(db: Db, userId: string): Promise<WrongPinError | PinLockedError> {
  const [after] = await db.$queryRaw<{ failed_pin_count: number; pin_locked_until: Date | null; locked: boolean }[]>`
    UPDATE users SET
      failed_pin_count = CASE
        WHEN pin_locked_until > now() THEN failed_pin_count
        WHEN pin_locked_until <= now() THEN 1
        ELSE failed_pin_count + 1 END,
      pin_locked_until = CASE
        WHEN pin_locked_until > now() THEN pin_locked_until
        WHEN (CASE WHEN pin_locked_until <= now() THEN 1 ELSE failed_pin_count + 1 END) >= ${MAX_WRONG_PINS}
          THEN now() + make_interval(hours => ${PIN_LOCK_HOURS})
        ELSE NULL END
    WHERE id = ${userId}::uuid
    RETURNING failed_pin_count, pin_locked_until,
              (pin_locked_until IS NOT NULL AND pin_locked_until > now()) AS locked`;
  if (!after) return new WrongPinError(0);
  if (after.locked) return new PinLockedError(after.pin_locked_until!);
  return new WrongPinError(Math.max(0, MAX_WRONG_PINS - after.failed_pin_count));
}

async function lockedUntil(db: Db, userId: string): Promise<Date> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { pinLockedUntil: true } });
  return user.pinLockedUntil ?? new Date();
}
