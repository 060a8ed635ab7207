// A new Ed25519 signing key in RECEIPT_SIGNING_KEY's encoding (PKCS#8 DER, base64url).
import { generateKeyPairSync } from 'node:crypto';

export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url');
}
