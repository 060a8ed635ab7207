// The operator's requests (fault control) carry Bank-Operator-Signature: the same scheme as
// the wallet's requests (timestamp, method, path with query, body) under the operator's own
// secret, so holding the wallet's client secret is not enough to break the bank on purpose.
import { requestSigningPayload, verifyPayloadSignature } from '../../lib/signing/hmac-signature';
import { OperatorSignatureError } from '../errors';

export const OPERATOR_SIGNATURE_HEADER = 'Bank-Operator-Signature';

export function verifyOperatorSignatureOrThrow(
  method: string,
  pathWithQuery: string,
  body: string,
  header: string | null,
  secret: string,
): void {
  const check = verifyPayloadSignature(requestSigningPayload(method, pathWithQuery, body), header, secret);
  if (!check.ok)
    throw new OperatorSignatureError(`operator signature ${check.reason.toLowerCase().replaceAll('_', ' ')}`);
}
