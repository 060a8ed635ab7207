#!/usr/bin/env node
// Standalone verifier for the wallet's signed e-receipts (电子回单). Plain Node ESM; imports
// nothing from the app, only `jose` (npm install jose). Reads a receipt as the app hands it out
// (the JSON file { receipt, jws }, the PDF, or a bare JWS), checks the Ed25519 signature against
// the platform's published keys (a JWKS file, or the app's GET /api/signing-keys), and prints
//   verified: <what the receipt says>        exit 0
//   not verified: <why>                      exit 1
//
//   node verifier/verify-receipt.mjs receipt.pdf --keys-url http://localhost:3000/api/signing-keys
//   node verifier/verify-receipt.mjs receipt.json --keys keys.json
import { readFile } from 'node:fs/promises';
import { compactVerify, createLocalJWKSet } from 'jose';

const RECEIPT_TYPE = 'wallet-receipt+jws';
const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const PDF_JWS = /\/WalletReceiptJWS\s*\(([A-Za-z0-9_.-]+)\)/g;

function fail(reason) {
  console.log(`not verified: ${reason}`);
  process.exit(1);
}

function usage(message) {
  console.error(
    `${message}\nusage: node verifier/verify-receipt.mjs <receipt.json|receipt.pdf|receipt.jws> (--keys keys.json | --keys-url URL)`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const args = { file: null, keys: null, keysUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keys') args.keys = argv[++i];
    else if (arg === '--keys-url') args.keysUrl = argv[++i];
    else if (!arg.startsWith('--') && !args.file) args.file = arg;
    else usage(`unknown argument: ${arg}`);
  }
  if (!args.file) usage('no receipt file given');
  if (!args.keys === !args.keysUrl) usage('give exactly one of --keys and --keys-url');
  return args;
}

/** The JWS and, for the JSON file, its readable copy (which must say exactly what was signed). */
function extract(bytes) {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const found = new Set(Array.from(bytes.toString('latin1').matchAll(PDF_JWS), (m) => m[1]));
    if (found.size > 1) fail('the PDF carries more than one receipt signature');
    const [jws] = found;
    if (!jws || !JWS_SHAPE.test(jws)) fail('no receipt signature in this PDF');
    return { jws };
  }
  const text = bytes.toString('utf8').trim();
  if (!text.startsWith('{')) {
    if (!JWS_SHAPE.test(text)) fail('this is neither a receipt file nor a JWS');
    return { jws: text };
  }
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    fail('the file is not valid JSON');
  }
  if (typeof file?.jws !== 'string' || !JWS_SHAPE.test(file.jws.trim())) fail('no "jws" in this JSON file');
  return { jws: file.jws.trim(), copy: file.receipt };
}

async function loadKeys({ keys, keysUrl }) {
  try {
    if (keys) return JSON.parse(await readFile(keys, 'utf8'));
    const response = await fetch(keysUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (err) {
    console.error(`cannot read the signing keys: ${err.message}`);
    process.exit(2);
  }
}

function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  return keysA.length === Object.keys(b).length && keysA.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

function money(minor, currency) {
  const digits = currency === 'JPY' ? 0 : 2;
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, text.length - digits)}${digits ? `.${text.slice(-digits)}` : ''} ${currency}`;
}

const args = parseArgs(process.argv.slice(2));
let bytes;
try {
  bytes = await readFile(args.file);
} catch (err) {
  usage(`cannot read ${args.file}: ${err.message}`);
}
const { jws, copy } = extract(bytes);
const keys = await loadKeys(args);

let verified;
try {
  verified = await compactVerify(jws, createLocalJWKSet(keys), { algorithms: ['EdDSA'] });
} catch (err) {
  if (err.code === 'ERR_JWKS_NO_MATCHING_KEY') fail('signed with a key the platform has not published');
  if (err.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
    fail('the signature does not match: the receipt was changed');
  fail(`malformed signature (${err.code ?? err.message})`);
}
if (verified.protectedHeader.typ !== RECEIPT_TYPE) fail(`this is a ${verified.protectedHeader.typ}, not a receipt`);
const receipt = JSON.parse(new TextDecoder().decode(verified.payload));
if (receipt.version !== 1) fail(`unknown receipt version ${receipt.version}`);
if (copy !== undefined && !sameJson(copy, receipt))
  fail('the readable "receipt" in the file differs from what was signed');

const sign = receipt.direction === 'DEBIT' ? '-' : '+';
console.log(
  [
    `verified: receipt ${receipt.receiptNo}`,
    `${receipt.type} of ${money(receipt.amount, receipt.currency)} (fee ${money(receipt.fee, receipt.currency)}, ${sign}${money(receipt.net, receipt.currency)} for ${receipt.holder.name})`,
    receipt.counterparty ? `counterparty ${receipt.counterparty.name}` : null,
    `completed ${receipt.completedAt}`,
    `ledger entry ${receipt.ledgerEntryId}`,
    receipt.balanceAfter === null ? null : `balance after ${money(receipt.balanceAfter, receipt.currency)}`,
    `signed by key ${verified.protectedHeader.kid}`,
  ]
    .filter(Boolean)
    .join('; '),
);
