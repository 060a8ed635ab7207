#!/usr/bin/env node
// Standalone verifier of a wallet proof of liabilities (a file from 我的 → 余额证明).
// Imports nothing from the app: only `jose` (the signature) and `@noble/hashes` (SHA-256).
// It repeats the tree's byte encoding on purpose (docs/liability-proof.md):
//   leaf = SHA-256("wallet-pol-v1:leaf" 0x00 || u16be(len id) || id (UTF-8) || salt (32) || u64be(balance))
//   node = SHA-256("wallet-pol-v1:node" 0x00 || left hash || u64be(left sum) || right hash || u64be(right sum))
//   an odd level's last node is paired with pad = SHA-256("wallet-pol-v1:pad" 0x00), sum 0: in a
//   proof that is just one more sibling, so nothing here needs to know it.
//
//   node verifier/verify-proof.mjs proof.json [--keys keys.json | --keys-url https://…/api/signing-keys]
// prints `verified: …` and exits 0, or prints why not and exits 1 (2: wrong usage).
import { readFile } from 'node:fs/promises';
import { compactVerify, createLocalJWKSet } from 'jose';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const MAX = (1n << 63n) - 1n;
const tag = (name) => utf8ToBytes(`wallet-pol-v1:${name}\u0000`);

function u64(value) {
  if (value < 0n || value > MAX) throw new Error('a sum is out of range');
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const leaf = (id, salt, balance) => {
  const bytes = utf8ToBytes(id);
  return {
    hash: sha256(
      concat(tag('leaf'), new Uint8Array([bytes.length >> 8, bytes.length & 0xff]), bytes, salt, u64(balance)),
    ),
    sum: balance,
  };
};
const parent = (l, r) => ({
  hash: sha256(concat(tag('node'), l.hash, u64(l.sum), r.hash, u64(r.sum))),
  sum: l.sum + r.sum,
});
const hex32 = (text, what) => {
  if (typeof text !== 'string' || !/^[0-9a-f]{64}$/.test(text)) throw new Error(`${what} is not a 32-byte hex hash`);
  return hexToBytes(text);
};
const amount = (text, what) => {
  if (typeof text !== 'string' || !/^(0|[1-9]\d{0,18})$/.test(text) || BigInt(text) > MAX)
    throw new Error(`${what} is not an amount in minor units`);
  return BigInt(text);
};
const depth = (n) => (n <= 1 ? 0 : Math.ceil(Math.log2(n)));

function fail(reason) {
  console.log(`NOT verified: ${reason}`);
  process.exit(1);
}

async function loadKeys(args) {
  const file = args.indexOf('--keys');
  const url = args.indexOf('--keys-url');
  if (file >= 0 && args[file + 1]) return JSON.parse(await readFile(args[file + 1], 'utf8'));
  if (url >= 0 && args[url + 1]) {
    const res = await fetch(args[url + 1]);
    if (!res.ok) throw new Error(`${args[url + 1]} answered ${res.status}`);
    return res.json();
  }
  return null;
}

const args = process.argv.slice(2);
if (!args[0] || args[0].startsWith('--')) {
  console.error('usage: node verifier/verify-proof.mjs proof.json [--keys keys.json | --keys-url URL]');
  process.exit(2);
}

let proof, keys;
try {
  proof = JSON.parse(await readFile(args[0], 'utf8'));
  keys = await loadKeys(args);
} catch (err) {
  fail(`cannot read the input (${err.message})`);
}
if (!keys) fail('no public keys: pass --keys keys.json or --keys-url …/api/signing-keys');
if (proof?.format !== 'wallet-liability-proof/1') fail('not a wallet liability proof file (format)');

// 1. The leaf and its path lead to the root in the file.
let node;
try {
  if (typeof proof.accountId !== 'string' || !proof.accountId) throw new Error('accountId is missing');
  node = leaf(proof.accountId, hex32(proof.salt, 'salt'), amount(proof.balance, 'balance'));
  if (!Array.isArray(proof.path)) throw new Error('path is missing');
  for (const [i, step] of proof.path.entries()) {
    const sibling = { hash: hex32(step?.hash, `path[${i}].hash`), sum: amount(step?.sum, `path[${i}].sum`) };
    if (step.side === 'left') node = parent(sibling, node);
    else if (step.side === 'right') node = parent(node, sibling);
    else throw new Error(`path[${i}].side must be left or right`);
  }
} catch (err) {
  fail(`malformed or impossible proof (${err.message})`);
}
if (bytesToHex(node.hash) !== proof.root?.hash || node.sum.toString() !== proof.root?.total)
  fail('the balance and path do not lead to the root in the file (the balance or the path was changed)');

// 2. The root, total, account count and previous-day link are the ones the platform signed.
let signed;
try {
  const { payload, protectedHeader } = await compactVerify(String(proof.signedRoot ?? ''), createLocalJWKSet(keys), {
    algorithms: ['EdDSA'],
  });
  if (protectedHeader.typ !== 'wallet-proof-root+jws') fail('the signature is not a proof-root signature');
  signed = { doc: JSON.parse(new TextDecoder().decode(payload)), kid: protectedHeader.kid };
} catch (err) {
  fail(
    err.code === 'ERR_JWKS_NO_MATCHING_KEY'
      ? 'the signing key is not among the published keys'
      : `the platform's signature is not valid (${err.code ?? err.message})`,
  );
}
const d = signed.doc;
const mismatches = [
  d.format !== 'wallet-proof-root/1' && 'format',
  d.day !== proof.day && 'day',
  d.currency !== proof.currency && 'currency',
  d.rootHash !== proof.root.hash && 'root hash',
  d.totalLiabilities !== proof.root.total && 'total',
  d.leafCount !== proof.root.leafCount && 'account count',
  d.previousRootHash !== proof.root.previousRootHash && 'previous-day link',
  proof.path.length !== depth(d.leafCount) && 'path length',
].filter(Boolean);
if (mismatches.length) fail(`the file differs from what the platform signed: ${mismatches.join(', ')}`);

const money = (minor) =>
  `${proof.currency} ${(BigInt(minor) / 100n).toString()}.${(BigInt(minor) % 100n).toString().padStart(2, '0')}`;
console.log(
  `verified: the balance ${money(proof.balance)} of account ${proof.accountId} on ${proof.day} is included in the published total ${money(proof.root.total)} ` +
    `(${d.leafCount} accounts, root ${d.rootHash}, previous ${d.previousDay ?? 'none'}, reserve ${money(d.reserveBalance)}, key ${signed.kid})`,
);
