import { afterAll, describe, expect, it } from 'vitest';
import { verifySignedDocument } from '@/lib/signing/verify-signed-document';
import { db } from '../db';
import { generateSigningKey } from './generate-signing-key';
import { publishedSigningKeys } from './published-signing-keys';
import { signDocument } from './sign-document';
import { loadSigningKey, signingKey } from './signing-key';

afterAll(async () => {
  await db().$disconnect();
});

/** Flips one character of the payload part, as a one-fen edit would. */
function tamper(jws: string): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const document = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { amount: string };
  document.amount = '1001';
  return [header, Buffer.from(JSON.stringify(document)).toString('base64url'), signature].join('.');
}

describe('signed documents', () => {
  it('signs with the published key and verifies against the published set', async () => {
    const jws = await signDocument('wallet-receipt+jws', { amount: '1000', currency: 'CNY' });
    const keys = await publishedSigningKeys();
    expect(keys.keys.map((k) => k.kid)).toContain((await signingKey()).kid);
    expect(keys.keys.every((k) => !('d' in k))).toBe(true);

    const verified = await verifySignedDocument(jws, keys, 'wallet-receipt+jws');
    expect(verified).toMatchObject({ ok: true, document: { amount: '1000', currency: 'CNY' } });
  });

  it('rejects a changed payload, another kind of document and an unknown key', async () => {
    const jws = await signDocument('wallet-receipt+jws', { amount: '1000' });
    const keys = await publishedSigningKeys();
    expect(await verifySignedDocument(tamper(jws), keys, 'wallet-receipt+jws')).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifySignedDocument(jws, keys, 'wallet-proof-root+jws')).toEqual({ ok: false, reason: 'wrong-type' });
    const other = await loadSigningKey(generateSigningKey());
    expect(await verifySignedDocument(jws, { keys: [other.publicJwk] }, 'wallet-receipt+jws')).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
    expect(await verifySignedDocument('not a jws', keys, 'wallet-receipt+jws')).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('keeps published keys for good: the database refuses to change or remove one', async () => {
    await publishedSigningKeys();
    const { kid } = await signingKey();
    await expect(db().$executeRaw`UPDATE signing_keys SET public_jwk = '{}' WHERE kid = ${kid}`).rejects.toThrow();
    await expect(db().$executeRaw`DELETE FROM signing_keys WHERE kid = ${kid}`).rejects.toThrow();
    expect(await db().signingKey.count({ where: { kid } })).toBe(1);
  });
});
