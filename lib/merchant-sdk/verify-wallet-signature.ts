// Verifies the Wallet-Signature header of a notification from the wallet.
//
// Self-contained on purpose: a merchant copies this one file into their own server (Node.js
// 18+ or any runtime with node:crypto). Header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" with your webhook secret>`; several v1 values may be present while a
// secret is being rotated, and any one matching is enough.
//
// Pass the RAW request body exactly as received (not JSON re-serialised): one changed byte
// fails the check, which is the point.
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function verifyWalletSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!header || !secret) return false;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return false;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return false;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return false;
      signatures.push(Buffer.from(value, 'hex'));
    } // other schemes (v0, future versions) are ignored
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  // Too old (a replay) or too far in the future: refuse, either side of the tolerance.
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
  let matched = false;
  for (const signature of signatures) {
    // Compare every candidate in constant time, and do not stop early.
    if (timingSafeEqual(signature, expected)) matched = true;
  }
  return matched;
}
