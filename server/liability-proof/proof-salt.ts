// Each account's salt for a day: HMAC-SHA256 of "day:accountId" under a key derived from
// DATA_ENCRYPTION_KEY for this one purpose (server/crypto/keyed-digest.ts). Derived, not
// stored: any day's proof can be rebuilt from the ledger, and a salt reveals nothing (no one
// can guess another account's leaf from its id and balance without the salt). Rotating
// DATA_ENCRYPTION_KEY would make old days' proofs unrebuildable; their roots stay published.
import 'server-only';
import { keyedDigest } from '../crypto/keyed-digest';

export function proofSalt(day: string, accountId: string): Uint8Array {
  return new Uint8Array(Buffer.from(keyedDigest(`${day}:${accountId}`, 'liability-proof-salt'), 'base64url'));
}
