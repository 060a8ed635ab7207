// Small secrets kept encrypted in the database (AES-256-GCM, random 12-byte nonce, the
// purpose bound in as associated data so a ciphertext cannot be moved to another use).
// Format: v1.<nonce>.<ciphertext>.<tag>, base64url parts.
import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../env';

function key(): Buffer {
  return Buffer.from(env().DATA_ENCRYPTION_KEY, 'base64');
}

export function sealSecret(plaintext: string, purpose: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), nonce);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce, ciphertext, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(sealed: string, purpose: string): string {
  const [version, nonce, ciphertext, tag] = sealed.split('.');
  if (version !== 'v1' || !nonce || !ciphertext || !tag) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
