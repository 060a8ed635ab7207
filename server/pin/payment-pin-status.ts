// Whether the user has a payment PIN and whether it is locked now (on the database clock):
// pages show the set-up step or the lock time before asking for it.
import 'server-only';
import type { Db } from '../db';

export type PaymentPinStatus = { isSet: boolean; lockedUntil: Date | null };

export async function paymentPinStatus(db: Db, userId: string): Promise<PaymentPinStatus> {
  const [row] = await db.$queryRaw<{ is_set: boolean; locked_until: Date | null }[]>`
    SELECT pin_hash IS NOT NULL AS is_set,
           CASE WHEN pin_locked_until > now() THEN pin_locked_until END AS locked_until
    FROM users WHERE id = ${userId}::uuid`;
  return { isSet: row?.is_set ?? false, lockedUntil: row?.locked_until ?? null };
}
