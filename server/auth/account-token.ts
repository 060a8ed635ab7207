// The secret in a sign-up or password-reset link: 32 random bytes, base64url in the link,
// only its SHA-256 in the database (a copy of the table opens nothing). Each link works once,
// for ACCOUNT_TOKEN_TTL_MINUTES; the use cases enforce both in the statement that uses it.
import { createHash, randomBytes } from 'node:crypto';

export const ACCOUNT_TOKEN_TTL_MINUTES = 30;

/** base64url of 32 bytes: 43 characters, no padding. */
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export type AccountToken = { raw: string; hash: Uint8Array<ArrayBuffer> };

export function newAccountToken(): AccountToken {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: hashAccountToken(raw) };
}

export function hashAccountToken(raw: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(raw, 'utf8').digest());
}

/** Anything else (a truncated link, a 1 MB string) is refused before the database is asked. */
export function isWellFormedAccountToken(raw: unknown): raw is string {
  return typeof raw === 'string' && WELL_FORMED.test(raw);
}
