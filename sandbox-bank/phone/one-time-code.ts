// One-time codes the bank texts to a holder's phone. The bank keeps only a keyed hash
// (HMAC-SHA256 under a key derived from its own notice secret, bound to what the code is
// for): a copy of the table is not a list of codes, and six digits cannot be brute-forced
// offline without the key. Rotating the notice secret voids codes in flight (they live 5 min).
import 'server-only';
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { sandboxBankEnv } from '../env';

/** How long a texted code is accepted. */
export const CODE_TTL_MINUTES = 5;
/** Wrong codes allowed before the bank gives up on the debit or the binding. */
export const MAX_CODE_ATTEMPTS = 5;

export const CODE_PATTERN = /^\d{6}$/;

/** Six random digits, leading zeros kept. */
export function newOneTimeCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

let cachedKey: { secret: string; key: Buffer } | undefined;

function codeKey(): Buffer {
  const secret = sandboxBankEnv().noticeSecret;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, '', 'sandbox-bank one-time codes', 32)) };
  }
  return cachedKey.key;
}

/** `purpose` names the row the code belongs to (e.g. "debit:<id>"), so a code is good only there. */
export function hashOneTimeCode(purpose: string, code: string): string {
  return createHmac('sha256', codeKey()).update(`${purpose}\n${code}`).digest('hex');
}

export function oneTimeCodeMatches(purpose: string, storedHash: string | null, given: string): boolean {
  if (!storedHash || !CODE_PATTERN.test(given)) return false;
  return timingSafeEqual(Buffer.from(hashOneTimeCode(purpose, given), 'hex'), Buffer.from(storedHash, 'hex'));
}

export function codeExpiry(now = new Date()): Date {
  return new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
}
