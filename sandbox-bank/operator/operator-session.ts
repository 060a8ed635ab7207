// The bank operator's sign-in: the password is the operator secret (SANDBOX_BANK_OPERATOR_SECRET,
// printed by `npm run dev`), and a signed session cookie (expiry + HMAC under a key derived
// from that secret) says who signed in. Changing the secret signs everyone out. Pure: no I/O.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const OPERATOR_COOKIE = 'sandbox_bank_operator';
/** A working day: the operator signs in again the next morning. */
export const OPERATOR_SESSION_SECONDS = 8 * 60 * 60;

function sessionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', 'sandbox-bank operator session', 32));
}

const mac = (secret: string, expires: number) =>
  createHmac('sha256', sessionKey(secret)).update(`operator:${expires}`).digest('base64url');

export function operatorPasswordMatches(secret: string, given: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and the length of the secret is not leaked.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(secret), digest(given));
}

export function newOperatorSession(secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const expires = nowSeconds + OPERATOR_SESSION_SECONDS;
  return `${expires}.${mac(secret, expires)}`;
}

export function operatorSessionValid(
  secret: string,
  value: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const match = value?.match(/^(\d{1,12})\.([A-Za-z0-9_-]{43})$/);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= nowSeconds) return false;
  return timingSafeEqual(Buffer.from(mac(secret, expires)), Buffer.from(match[2]!));
}

/** Where to go after signing in: a bank page only (never another site, never the wallet). */
export function safeOperatorNext(next: unknown): string {
  if (typeof next !== 'string') return '/sandbox-bank/faults';
  return /^\/sandbox-bank(\/[A-Za-z0-9/_-]*)?$/.test(next) ? next : '/sandbox-bank/faults';
}
