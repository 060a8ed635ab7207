// The byte encoding of the liability proof's Merkle sum tree (docs/liability-proof.md). The
// standalone verifier (verifier/verify-proof.mjs) repeats it byte for byte on purpose.
//   leaf = SHA-256("wallet-pol-v1:leaf" 0x00 || u16be(len id) || id (UTF-8) || salt (32 bytes) || u64be(balance))
//   node = SHA-256("wallet-pol-v1:node" 0x00 || left hash (32) || u64be(left sum) || right hash (32) || u64be(right sum))
//   pad  = SHA-256("wallet-pol-v1:pad" 0x00), sum 0: pairs the last node of a level with an odd count
// Sums are unsigned 64-bit minor units below 2^63; anything else is refused, so a negative
// or wrapped-around balance cannot hide liabilities.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export type SumNode = { hash: Uint8Array; sum: bigint };

export const MAX_SUM = (1n << 63n) - 1n;
const LEAF_TAG = utf8ToBytes('wallet-pol-v1:leaf\u0000');
const NODE_TAG = utf8ToBytes('wallet-pol-v1:node\u0000');
const PAD_TAG = utf8ToBytes('wallet-pol-v1:pad\u0000');

export class SumOutOfRangeError extends RangeError {
  constructor(what: string) {
    super(`${what} must be an integer from 0 to 2^63-1 minor units`);
  }
}

const encoder = new TextEncoder();

export function leafNode(accountId: string, salt: Uint8Array, balance: bigint): SumNode {
  const id = encoder.encode(accountId);
  if (id.length === 0 || id.length > 0xffff) throw new RangeError('account id must be 1 to 65535 bytes');
  if (salt.length !== 32) throw new RangeError('salt must be 32 bytes');
  if (typeof balance !== 'bigint' || balance < 0n || balance > MAX_SUM) throw new SumOutOfRangeError('balance');
  // One buffer: tag, u16be id length, id, salt, u64be balance.
  const input = new Uint8Array(LEAF_TAG.length + 2 + id.length + 32 + 8);
  const view = new DataView(input.buffer);
  input.set(LEAF_TAG, 0);
  let at = LEAF_TAG.length;
  view.setUint16(at, id.length);
  input.set(id, (at += 2));
  input.set(salt, (at += id.length));
  view.setBigUint64((at += 32), balance);
  return { hash: sha256(input), sum: balance };
}

// A node's input is always 100 bytes: written into one buffer instead of concatenated, since
// a day's tree hashes as many nodes as there are accounts.
const NODE_INPUT = new Uint8Array(NODE_TAG.length + 80);
const NODE_VIEW = new DataView(NODE_INPUT.buffer);
NODE_INPUT.set(NODE_TAG, 0);

export function parentNode(left: SumNode, right: SumNode): SumNode {
  const sum = left.sum + right.sum;
  if (left.hash.length !== 32 || right.hash.length !== 32) throw new RangeError('hashes must be 32 bytes');
  for (const [value, what] of [
    [left.sum, 'sum'],
    [right.sum, 'sum'],
    [sum, 'sum'],
  ] as const)
    if (value < 0n || value > MAX_SUM) throw new SumOutOfRangeError(what);
  const at = NODE_TAG.length;
  NODE_INPUT.set(left.hash, at);
  NODE_VIEW.setBigUint64(at + 32, left.sum);
  NODE_INPUT.set(right.hash, at + 40);
  NODE_VIEW.setBigUint64(at + 72, right.sum);
  return { hash: sha256(NODE_INPUT), sum };
}

export const PAD_NODE: SumNode = Object.freeze({ hash: sha256(PAD_TAG), sum: 0n });

export const toHex = bytesToHex;

/** Lowercase hex of exactly `bytes` bytes, or null. */
export function fromHex(hex: unknown, bytes: number): Uint8Array | null {
  if (typeof hex !== 'string' || hex.length !== bytes * 2 || !/^[0-9a-f]+$/.test(hex)) return null;
  return hexToBytes(hex);
}
