// Checks a compact JWS made by server/signing/sign-document.ts against published public keys
// (a JWKS). Runs the same in the browser (the /verify page), in Node and in the standalone
// verifier: it imports nothing from the app.
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

export type VerifiedDocument =
  | { ok: true; kid: string; typ: string; document: unknown }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'wrong-type' };

export async function verifySignedDocument(
  jws: string,
  keys: JSONWebKeySet,
  expectedTyp: string,
): Promise<VerifiedDocument> {
  if (typeof jws !== 'string' || jws.split('.').length !== 3) return { ok: false, reason: 'malformed' };
  try {
    const { payload, protectedHeader } = await compactVerify(jws.trim(), createLocalJWKSet(keys), {
      algorithms: ['EdDSA'],
    });
    if (protectedHeader.typ !== expectedTyp) return { ok: false, reason: 'wrong-type' };
    return {
      ok: true,
      kid: protectedHeader.kid ?? '',
      typ: protectedHeader.typ,
      document: JSON.parse(new TextDecoder().decode(payload)) as unknown,
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') return { ok: false, reason: 'unknown-key' };
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { ok: false, reason: 'bad-signature' };
    return { ok: false, reason: 'malformed' };
  }
}
