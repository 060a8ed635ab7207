// Checks a receipt in any of its forms (JWS, JSON file, PDF) against the published keys: the
// signature, that it is a receipt, and that a readable copy beside it says what was signed.
// Runs in the browser (the /verify page) and in Node alike.
import type { JSONWebKeySet } from 'jose';
import { verifySignedDocument } from '../signing/verify-signed-document';
import { extractReceiptJws } from './extract-receipt-jws';
import { RECEIPT_JWS_TYPE, RECEIPT_VERSION, type ReceiptDocument } from './receipt-document';

export type ReceiptFailure =
  | 'empty'
  | 'no-receipt'
  | 'several-receipts'
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-type'
  | 'unknown-version'
  | 'copy-differs';

export type ReceiptCheck =
  | { ok: true; receipt: ReceiptDocument; kid: string; source: 'jws' | 'json' | 'pdf' }
  | { ok: false; reason: ReceiptFailure };

export async function verifyReceipt(input: Uint8Array | string, keys: JSONWebKeySet): Promise<ReceiptCheck> {
  const extracted = extractReceiptJws(input);
  if (!extracted.ok) return extracted;
  const verified = await verifySignedDocument(extracted.jws, keys, RECEIPT_JWS_TYPE);
  if (!verified.ok) return verified;
  const receipt = verified.document as ReceiptDocument;
  if (receipt?.version !== RECEIPT_VERSION) return { ok: false, reason: 'unknown-version' };
  // The JSON file's readable half is what people read: it must be exactly what was signed.
  if ('copy' in extracted && !sameJson(extracted.copy, receipt)) return { ok: false, reason: 'copy-differs' };
  return { ok: true, receipt, kid: verified.kid, source: extracted.source };
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
