// Finds the signed JWS in what someone pasted or uploaded: the JWS itself, the receipt JSON
// ({ receipt, jws }), or the receipt PDF (the JWS sits in the PDF's document information as
// /WalletReceiptJWS, written uncompressed so it can be found without a PDF library).
// verifier/verify-receipt.mjs does the same in plain Node: keep the two in step.

export const PDF_JWS_KEY = 'WalletReceiptJWS';

const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const PDF_JWS = new RegExp(`/${PDF_JWS_KEY}\\s*\\(([A-Za-z0-9_.-]+)\\)`, 'g');

export type ExtractedReceipt =
  | { ok: true; source: 'jws' | 'json' | 'pdf'; jws: string; copy?: unknown }
  | { ok: false; reason: 'empty' | 'no-receipt' | 'several-receipts' };

function startsWith(bytes: Uint8Array, text: string): boolean {
  return Array.from(text).every((c, i) => bytes[i] === c.charCodeAt(0));
}

export function extractReceiptJws(input: Uint8Array | string): ExtractedReceipt {
  if (typeof input !== 'string' && startsWith(input, '%PDF-')) return fromPdf(input);
  const text = (typeof input === 'string' ? input : new TextDecoder().decode(input)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.startsWith('{')) return fromJson(text);
  return JWS_SHAPE.test(text) ? { ok: true, source: 'jws', jws: text } : { ok: false, reason: 'no-receipt' };
}

function fromJson(text: string): ExtractedReceipt {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'no-receipt' };
  }
  const { jws, receipt } = (file ?? {}) as { jws?: unknown; receipt?: unknown };
  if (typeof jws !== 'string' || !JWS_SHAPE.test(jws.trim())) return { ok: false, reason: 'no-receipt' };
  return { ok: true, source: 'json', jws: jws.trim(), ...(receipt === undefined ? {} : { copy: receipt }) };
}

function fromPdf(bytes: Uint8Array): ExtractedReceipt {
  // latin1 keeps every byte as one character, so offsets and ASCII text survive binary streams.
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const found = new Set(Array.from(text.matchAll(PDF_JWS), (m) => m[1]!));
  // An edited PDF may carry an added copy (an incremental update): which one counts is not ours to guess.
  if (found.size > 1) return { ok: false, reason: 'several-receipts' };
  const [jws] = found;
  return jws && JWS_SHAPE.test(jws) ? { ok: true, source: 'pdf', jws } : { ok: false, reason: 'no-receipt' };
}
