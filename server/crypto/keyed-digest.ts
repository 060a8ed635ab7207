// A keyed digest (HMAC-SHA256 under a key derived from DATA_ENCRYPTION_KEY for one purpose)
// for a value that must be recognised again without being kept, such as a card number in a
// rate-limit key. A plain hash would not do: a card number is 16–19 digits with a known bank
// prefix and a check digit, so its SHA-256 is undone by trying them all.
import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { env } from '../env';

const keys = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  const master = env().DATA_ENCRYPTION_KEY;
  const cacheKey = `${purpose}\u0000${master}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(master, 'base64'), Buffer.alloc(0), `digest:${purpose}`, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

export function keyedDigest(value: string, purpose: string): string {
  return createHmac('sha256', keyFor(purpose)).update(value, 'utf8').digest('base64url');
}
