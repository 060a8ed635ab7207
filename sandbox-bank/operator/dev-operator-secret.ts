// `npm run dev`'s operator secret: SANDBOX_BANK_OPERATOR_SECRET when set, else a random one
// made on the first start and kept in .data/ (0600), so an operator stays signed in across
// restarts. It is printed at every start: it is the password of the operator's sign-in.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function devOperatorSecret(file: string, fromEnv = process.env.SANDBOX_BANK_OPERATOR_SECRET): string {
  if (fromEnv) return fromEnv;
  if (existsSync(file)) {
    const saved = (JSON.parse(readFileSync(file, 'utf8')) as { operatorSecret?: unknown }).operatorSecret;
    if (typeof saved === 'string' && saved.length >= 32) return saved;
  }
  const secret = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ operatorSecret: secret }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
