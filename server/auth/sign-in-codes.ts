// One-time sign-in codes, mailed to the owner when the password alone no longer signs in
// (server/auth/sign-in.ts). Six digits, 10 minutes, five tries, single use; only an HMAC of
// the code is stored (keyed with the auth secret, so a copy of the table does not give the
// codes away by hashing all million of them).
// Each code belongs to the browser that asked for it: its id (the challenge) goes back to
// that form only and must come with the code, so a stranger guessing codes for the same
// email spends none of the owner's tries, and asking for a new code does not void another.
import 'server-only';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import { env } from '../env';
import { isUuid } from '../../lib/ids/is-uuid';

export const SIGN_IN_CODE_TTL_MINUTES = 10;
export const SIGN_IN_CODE_MAX_ATTEMPTS = 5;

function codeHash(email: string, code: string): string {
  return createHmac('sha256', env().NEXTAUTH_SECRET).update(`sign-in-code:${email}:${code}`).digest('base64url');
}

/** A fresh code for the email, and the challenge id the form must send back with it. */
export async function issueSignInCode(db: Db, email: string): Promise<{ challengeId: string; code: string }> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = await db.signInCode.create({
    data: {
      email,
      codeHash: codeHash(email, code),
      expiresAt: new Date(Date.now() + SIGN_IN_CODE_TTL_MINUTES * 60_000),
    },
    select: { id: true },
  });
  return { challengeId: row.id, code };
}

/**
 * Spends one try of the email's current code and, when it matches, the code itself. The try
 * is counted in the same statement that reads the code, so concurrent guesses count exactly.
 */
export async function redeemSignInCode(db: Db, email: string, challengeId: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code) || !isUuid(challengeId)) return false;
  const rows = await db.$queryRaw<{ id: string; code_hash: string }[]>`
    UPDATE sign_in_codes SET attempts = attempts + 1
    WHERE id = ${challengeId}::uuid AND email = ${email} AND used_at IS NULL
      AND expires_at > now() AND attempts < ${SIGN_IN_CODE_MAX_ATTEMPTS}
    RETURNING id::text, code_hash`;
  const row = rows[0];
  if (!row) return false;
  const expected = Buffer.from(row.code_hash);
  const given = Buffer.from(codeHash(email, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const used = await db.signInCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1;
}
