// A minimal signed client of the bank's API for tests: what the wallet's gateway does,
// without the wallet, and what the bank's operator does (fault control, signed with the
// operator secret). `signature` lets a test send a missing, wrong or old one.
import { requestSigningPayload, signPayload } from '../../lib/signing/hmac-signature';
import { DEV_CLIENT_SECRET, DEV_OPERATOR_SECRET } from '../env';

export type SignatureChoice = 'valid' | 'missing' | 'wrong-secret' | { ageSeconds: number };

export type BankCallResult = { status: number; body: any; headers: Headers; text: string };

export function signedBankClient(apiUrl: string, secret = DEV_CLIENT_SECRET, operatorSecret = DEV_OPERATOR_SECRET) {
  const base = new URL(apiUrl);
  async function call(
    method: string,
    path: string,
    body: unknown,
    signature: SignatureChoice = 'valid',
    signer: { header: string; secret: string } = { header: 'Bank-Client-Signature', secret },
  ): Promise<BankCallResult> {
    const url = new URL(base.pathname + path, base);
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (signature !== 'missing') {
      const payload = requestSigningPayload(method, url.pathname + url.search, text);
      const now = Math.floor(Date.now() / 1000) - (typeof signature === 'object' ? signature.ageSeconds : 0);
      headers[signer.header] = signPayload(
        payload,
        signature === 'wrong-secret' ? `${signer.secret}-wrong` : signer.secret,
        now,
      );
    }
    const response = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body: text }) });
    const raw = await response.text();
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // CSV and other text stays text
    }
    return { status: response.status, body: parsed, headers: response.headers, text: raw };
  }
  const operator = { header: 'Bank-Operator-Signature', secret: operatorSecret };
  return {
    /** Signed as the wallet; a string body is sent as it is. */
    post: (path: string, body: unknown, signature?: SignatureChoice) => call('POST', path, body, signature),
    get: (path: string, signature?: SignatureChoice) => call('GET', path, undefined, signature),
    /** Signed as the bank's operator. */
    put: (path: string, body: unknown, signature?: SignatureChoice) => call('PUT', path, body, signature, operator),
    operatorGet: (path: string, signature?: SignatureChoice) => call('GET', path, undefined, signature, operator),
    /** Signed with the wallet's client secret in the operator's header: not the operator. */
    putSignedByWallet: (path: string, body: unknown) =>
      call('PUT', path, body, 'valid', { header: 'Bank-Operator-Signature', secret }),
  };
}
