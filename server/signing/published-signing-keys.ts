// Every key that ever signed is published (GET /api/signing-keys, as a JWKS): the current key
// is recorded before its first signature, and old ones stay, so documents signed before a
// rotation still verify.
import 'server-only';
import type { JSONWebKeySet, JWK } from 'jose';
import { db } from '../db';
import { signingKey } from './signing-key';

let published: Promise<void> | undefined;

/** Records the current key's public half (once per process; a no-op when already there). */
export function publishCurrentSigningKey(): Promise<void> {
  published ??= (async () => {
    const key = await signingKey();
    await db().signingKey.createMany({
      data: [{ kid: key.kid, publicJwk: key.publicJwk as object }],
      skipDuplicates: true,
    });
  })().catch((err: unknown) => {
    published = undefined;
    throw err;
  });
  return published;
}

export async function publishedSigningKeys(): Promise<JSONWebKeySet> {
  await publishCurrentSigningKey();
  const rows = await db().signingKey.findMany({ orderBy: { createdAt: 'asc' } });
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}
