// HMAC-SHA256 signatures with a timestamp, in the header form `t=<unix seconds>,v1=<hex>`
// over `<t>.<payload>` (the scheme Stripe uses). One implementation for every signed
// message here: the wallet's requests to the bank, the bank's notices, and (issue 5) the
// webhooks merchants receive. Pure: node:crypto only, no I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureFailure = 'MISSING' | 'MALFORMED' | 'TOO_OLD' | 'IN_FUTURE' | 'MISMATCH';

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: SignatureFailure };

function hmacHex(secret: string, timestamp: number, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

/** The header value for `payload`, signed at `nowSeconds` (defaults to the clock). */
export function signPayload(payload: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return signPayloadWithSecrets(payload, [secret], nowSeconds);
}

/**
 * The same, with one v1 signature per secret (in the order given): while a secret is being
 * rotated a receiver may still hold the previous one, and any v1 that matches is enough.
 */
export function signPayloadWithSecrets(
  payload: string,
  secrets: readonly string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  if (secrets.length === 0) throw new TypeError('signPayloadWithSecrets needs at least one secret');
  return [`t=${nowSeconds}`, ...secrets.map((secret) => `v1=${hmacHex(secret, nowSeconds, payload)}`)].join(',');
}

/**
 * Checks `header` against `payload`: the timestamp must be within `toleranceSeconds` of now
 * (either side), and one of the v1 signatures must match in constant time.
 */
export function verifyPayloadSignature(
  payload: string,
  header: string | null | undefined,
  secret: string,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!header) return { ok: false, reason: 'MISSING' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) return { ok: false, reason: 'MALFORMED' };
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return { ok: false, reason: 'MALFORMED' };
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return { ok: false, reason: 'MALFORMED' };
      signatures.push(value);
    }
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'MALFORMED' };
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, reason: 'TOO_OLD' };
  if (timestamp - nowSeconds > toleranceSeconds) return { ok: false, reason: 'IN_FUTURE' };
  const expected = Buffer.from(hmacHex(secret, timestamp, payload), 'hex');
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'MISMATCH' };
}

/** What a signed HTTP request covers: method, path with query, and the exact body bytes. */
export function requestSigningPayload(method: string, pathWithQuery: string, body: string): string {
  return `${method.toUpperCase()} ${pathWithQuery}\n${body}`;
}
