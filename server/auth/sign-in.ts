// Use case: check an email and password, with a lockout that lives in the database
// (so it survives restarts): MAX_FAILED_SIGN_INS wrong passwords lock the account for
// LOCK_MINUTES, during which even the right password is refused.
import type { Db } from '../db';
import { dummyPasswordHash, verifyPassword } from './password';

export const MAX_FAILED_SIGN_INS = 10;
export const LOCK_MINUTES = 30;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'INVALID_CREDENTIALS' | 'LOCKED' };

export async function checkCredentials(db: Db, emailRaw: string, password: string): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, lockedUntil: true },
  });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: 'LOCKED' };

  if (await verifyPassword(user.passwordHash, password)) {
    // Reset only if the lock has not been set meanwhile by concurrent failures.
    const reset = await db.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date() } }] },
      data: { failedSignInCount: 0, lockedUntil: null },
    });
    return reset.count === 1 ? { ok: true, userId: user.id } : { ok: false, reason: 'LOCKED' };
  }

  await recordFailure(db, user.id);
  return { ok: false, reason: 'INVALID_CREDENTIALS' };
}

// One statement, so concurrent failures count exactly and the lock is set on the database clock.
async function recordFailure(db: Db, userId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE users SET
      failed_sign_in_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                                  ELSE failed_sign_in_count + 1 END,
      locked_until = CASE
        WHEN locked_until IS NOT NULL AND locked_until > now() THEN locked_until
        WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                   ELSE failed_sign_in_count + 1 END) >= ${MAX_FAILED_SIGN_INS}
          THEN now() + make_interval(mins => ${LOCK_MINUTES})
        ELSE NULL END
    WHERE id = ${userId}::uuid`;
}
