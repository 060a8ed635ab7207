// The platform's signing key (Ed25519): what signs e-receipts and the daily proof of
// liabilities. RECEIPT_SIGNING_KEY holds the private key as PKCS#8 DER in base64url;
// `npm run dev` makes one per database (.data/), the e2e server and benchmarks one per run.
// The key id is the RFC 7638 thumbprint of the public key, so rotating the key changes it.
import 'server-only';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import { env } from '../env';

export const SIGNING_ALGORITHM = 'EdDSA';

export type SigningKey = {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK with kid, alg and use: what is published. */
  publicJwk: JWK;
};

export class SigningKeyMissingError extends Error {
  constructor(reason: string) {
    super(`RECEIPT_SIGNING_KEY: ${reason} (npm run dev and the e2e server set it; see docs/operations.md)`);
  }
}

let cached: Promise<SigningKey> | undefined;

export function signingKey(): Promise<SigningKey> {
  cached ??= loadSigningKey(env().RECEIPT_SIGNING_KEY).catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

export async function loadSigningKey(encoded: string | undefined): Promise<SigningKey> {
  if (!encoded) throw new SigningKeyMissingError('not set');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(encoded, 'base64url'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningKeyMissingError('not a PKCS#8 private key in base64url');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyMissingError('must be an Ed25519 key');
  const jwk = await exportJWK(createPublicKey(privateKey));
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' } };
}
