// Signs a document (a receipt, a day's proof root) as a compact JWS with the platform key.
// The payload is the document's JSON; `typ` says what kind of document it is, so a signed
// receipt cannot be passed off as a proof root or the other way round.
import 'server-only';
import { CompactSign } from 'jose';
import { publishCurrentSigningKey } from './published-signing-keys';
import { SIGNING_ALGORITHM, signingKey } from './signing-key';

export type SignedDocumentType = 'wallet-receipt+jws' | 'wallet-proof-root+jws';

export async function signDocument(typ: SignedDocumentType, document: unknown): Promise<string> {
  const key = await signingKey();
  // A signature must name a published key, or no one could check it.
  await publishCurrentSigningKey();
  const payload = new TextEncoder().encode(JSON.stringify(document));
  return new CompactSign(payload)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ })
    .sign(key.privateKey);
}
