// Each account's salt for a day: HMAC-SHA256 of "day:accountId" under a key derived from
// DATA_ENCRYPTION_KEY for this one purpose (HKDF, as server/crypto/keyed-digest.ts does). Derived, not
// stored: any day's proof can be rebuilt from the ledger, and a salt reveals nothing (no one
// can guess another account's leaf from its id and balance without the salt). Rotating
// DATA_ENCRYPTION_KEY would make old days' proofs unrebuildable; their roots stay published.
import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { env } from '../env';

let cached: { master: string; key: Buffer } | undefined;

/** The same key server/crypto/keyed-digest.ts derives for the purpose, kept for a day's 100,000 calls. */
function saltKey(): Buffer {
  const master = env().DATA_ENCRYPTION_KEY;
  if (cached?.master !== master) {
    const key = hkdfSync('sha256', Buffer.from(master, 'base64'), Buffer.alloc(0), 'digest:liability-proof-salt', 32);
    cached = { master, key: Buffer.from(key) };
  }
  return cached.key;
}

export function proofSalt(day: string, accountId: string): Uint8Array {
  return createHmac('sha256', saltKey()).update(`${day}:${accountId}`, 'utf8').digest();
}
