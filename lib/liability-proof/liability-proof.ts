// One account's proof of liabilities for one day, as a file the account holder downloads,
// and its check: the leaf (id, salt, balance) and the sibling hashes and sums lead to the
// root; the root, total and previous-day link in the file are the ones the platform signed.
// Runs the same in the browser (我的 → 余额证明) and in Node; imports nothing from the app.
import type { JSONWebKeySet } from 'jose';
import { verifySignedDocument } from '../signing/verify-signed-document';
import { fromHex, leafNode, MAX_SUM, toHex } from './sum-tree-encoding';
import { pathLength, rootFromPath, type PathStep } from './sum-tree';

export const PROOF_FILE_FORMAT = 'wallet-liability-proof/1';
export const PROOF_ROOT_FORMAT = 'wallet-proof-root/1';
export const PROOF_ROOT_JWS_TYPE = 'wallet-proof-root+jws';

/** What the platform signs each day (amounts as minor-unit strings). */
export type SignedProofRoot = {
  format: typeof PROOF_ROOT_FORMAT;
  day: string;
  currency: string;
  rootHash: string;
  totalLiabilities: string;
  leafCount: number;
  previousDay: string | null;
  previousRootHash: string | null;
  reserveBalance: string;
  difference: string;
};

export type LiabilityProofFile = {
  format: typeof PROOF_FILE_FORMAT;
  day: string;
  currency: string;
  accountId: string;
  salt: string;
  balance: string;
  path: { side: 'left' | 'right'; hash: string; sum: string }[];
  root: { hash: string; total: string; leafCount: number; previousRootHash: string | null };
  signedRoot: string;
  kid: string;
};

export type ProofFailure =
  'malformed' | 'not-in-root' | 'root-not-signed' | 'bad-signature' | 'unknown-key' | 'wrong-type';

export type ProofVerdict =
  | { ok: true; day: string; currency: string; accountId: string; balance: bigint; total: bigint; kid: string }
  | { ok: false; reason: ProofFailure };

export function pathToJson(path: readonly PathStep[]): LiabilityProofFile['path'] {
  return path.map((s) => ({ side: s.side, hash: toHex(s.hash), sum: s.sum.toString() }));
}

function amount(text: unknown): bigint | null {
  if (typeof text !== 'string' || !/^(0|[1-9]\d{0,18})$/.test(text)) return null;
  const value = BigInt(text);
  return value <= MAX_SUM ? value : null;
}

type Parsed = { file: LiabilityProofFile; balance: bigint; total: bigint; salt: Uint8Array; path: PathStep[] };

function parse(input: unknown): Parsed | null {
  if (typeof input !== 'object' || input === null) return null;
  const file = input as LiabilityProofFile;
  const salt = fromHex(file.salt, 32);
  const balance = amount(file.balance);
  const total = amount(file.root?.total);
  if (file.format !== PROOF_FILE_FORMAT || !salt || balance === null || total === null) return null;
  if (typeof file.accountId !== 'string' || !file.accountId || typeof file.signedRoot !== 'string') return null;
  if (!fromHex(file.root.hash, 32) || !Number.isSafeInteger(file.root.leafCount) || file.root.leafCount < 1)
    return null;
  if (!Array.isArray(file.path)) return null;
  const path: PathStep[] = [];
  for (const s of file.path as unknown[]) {
    const step = s as LiabilityProofFile['path'][number] | null;
    const hash = fromHex(step?.hash, 32);
    const sum = amount(step?.sum);
    if (!step || !hash || sum === null || (step.side !== 'left' && step.side !== 'right')) return null;
    path.push({ side: step.side, hash, sum });
  }
  return { file, balance, total, salt, path };
}

export async function verifyLiabilityProof(input: unknown, keys: JSONWebKeySet): Promise<ProofVerdict> {
  const parsed = parse(input);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const { file, path } = parsed;
  let root;
  try {
    root = rootFromPath(leafNode(file.accountId, parsed.salt, parsed.balance), path);
  } catch {
    return { ok: false, reason: 'not-in-root' }; // a sum past 2^63-1 cannot be a real total
  }
  if (toHex(root.hash) !== file.root.hash || root.sum !== parsed.total) return { ok: false, reason: 'not-in-root' };

  const signed = await verifySignedDocument(file.signedRoot, keys, PROOF_ROOT_JWS_TYPE);
  if (!signed.ok) return { ok: false, reason: signed.reason === 'malformed' ? 'bad-signature' : signed.reason };
  const doc = signed.document as Partial<SignedProofRoot>;
  const sameRoot =
    doc.format === PROOF_ROOT_FORMAT &&
    doc.day === file.day &&
    doc.currency === file.currency &&
    doc.rootHash === file.root.hash &&
    doc.totalLiabilities === file.root.total &&
    doc.leafCount === file.root.leafCount &&
    doc.previousRootHash === file.root.previousRootHash &&
    path.length === pathLength(file.root.leafCount);
  if (!sameRoot) return { ok: false, reason: 'root-not-signed' };
  return {
    ok: true,
    day: file.day,
    currency: file.currency,
    accountId: file.accountId,
    balance: parsed.balance,
    total: parsed.total,
    kid: signed.kid,
  };
}
