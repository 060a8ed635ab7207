// `npm run dev`'s signing key: RECEIPT_SIGNING_KEY when set, else one made on the first start
// of this database and kept in .data/ (0600), so receipts and proofs signed yesterday still
// name a key the app knows.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSigningKey } from '../../server/signing/generate-signing-key';

export function devSigningKey(file: string, fromEnv = process.env.RECEIPT_SIGNING_KEY): string {
  if (fromEnv) return fromEnv;
  if (existsSync(file)) {
    const saved = (JSON.parse(readFileSync(file, 'utf8')) as { signingKey?: unknown }).signingKey;
    if (typeof saved === 'string' && saved.length > 0) return saved;
  }
  const key = generateSigningKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ signingKey: key }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
