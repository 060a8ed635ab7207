// Wallet → bank requests carry Bank-Client-Signature over method, path with query and body.
import { requestSigningPayload, verifyPayloadSignature } from '../../lib/signing/hmac-signature';
import { BadSignatureError } from '../errors';

export const CLIENT_SIGNATURE_HEADER = 'Bank-Client-Signature';

export function verifyRequestSignatureOrThrow(
  method: string,
  pathWithQuery: string,
  body: string,
  header: string | null,
  secret: string,
): void {
  const check = verifyPayloadSignature(requestSigningPayload(method, pathWithQuery, body), header, secret);
  if (!check.ok) throw new BadSignatureError(`request signature ${check.reason.toLowerCase().replaceAll('_', ' ')}`);
}
