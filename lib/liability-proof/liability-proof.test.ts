import { CompactSign, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  pathToJson,
  PROOF_FILE_FORMAT,
  PROOF_ROOT_FORMAT,
  verifyLiabilityProof,
  type LiabilityProofFile,
  type SignedProofRoot,
} from './liability-proof';
import { brokenLinks } from './root-chain';
import { buildSumTree, pathLength, pathOf, rootFromPath } from './sum-tree';
import { leafNode, PAD_NODE, toHex } from './sum-tree-encoding';

type Account = { id: string; salt: Uint8Array; balance: bigint };

function accounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `0190b0c1-0000-7000-8000-${String(i).padStart(12, '0')}`,
    salt: new Uint8Array(32).fill(i % 251),
    balance: BigInt(i * 137 + (i % 3 === 0 ? 0 : 1)),
  }));
}

let keys: JSONWebKeySet;
let sign: (doc: SignedProofRoot) => Promise<string>;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  keys = { keys: [jwk] };
  sign = (doc) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(doc)))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key', typ: 'wallet-proof-root+jws' })
      .sign(pair.privateKey);
});

async function proofsFor(list: Account[], previousRootHash: string | null = null): Promise<LiabilityProofFile[]> {
  const tree = buildSumTree(list.map((a) => leafNode(a.id, a.salt, a.balance)));
  const root = {
    hash: toHex(tree.root.hash),
    total: tree.root.sum.toString(),
    leafCount: tree.leafCount,
    previousRootHash,
  };
  const signedRoot = await sign({
    format: PROOF_ROOT_FORMAT,
    day: '2026-12-06',
    currency: 'CNY',
    rootHash: root.hash,
    totalLiabilities: root.total,
    leafCount: root.leafCount,
    previousDay: previousRootHash ? '2026-12-05' : null,
    previousRootHash,
    reserveBalance: root.total,
    difference: '0',
  });
  return list.map((a, i) => ({
    format: PROOF_FILE_FORMAT,
    day: '2026-12-06',
    currency: 'CNY',
    accountId: a.id,
    salt: toHex(a.salt),
    balance: a.balance.toString(),
    path: pathToJson(pathOf(tree, i)),
    root,
    signedRoot,
    kid: 'test-key',
  }));
}

describe('Merkle sum tree', () => {
  it('sums the leaves at the root, for every count up to 33 (odd levels padded)', () => {
    for (let n = 1; n <= 33; n++) {
      const list = accounts(n);
      const tree = buildSumTree(list.map((a) => leafNode(a.id, a.salt, a.balance)));
      expect(tree.root.sum).toBe(list.reduce((s, a) => s + a.balance, 0n));
      for (let i = 0; i < n; i++) {
        const path = pathOf(tree, i);
        expect(path).toHaveLength(pathLength(n));
        const leaf = leafNode(list[i]!.id, list[i]!.salt, list[i]!.balance);
        expect(toHex(rootFromPath(leaf, path).hash)).toBe(toHex(tree.root.hash));
      }
    }
  });

  it('an empty tree is the pad node; a pad does not collide with a leaf of zero', () => {
    expect(buildSumTree([]).root).toBe(PAD_NODE);
    const a = accounts(3);
    const three = buildSumTree(a.map((x) => leafNode(x.id, x.salt, x.balance)));
    const four = buildSumTree(
      [...a, { id: 'x', salt: new Uint8Array(32), balance: 0n }].map((x) => leafNode(x.id, x.salt, x.balance)),
    );
    expect(toHex(three.root.hash)).not.toBe(toHex(four.root.hash));
  });

  it('refuses negative balances and sums past 2^63-1', () => {
    expect(() => leafNode('a', new Uint8Array(32), -1n)).toThrow(RangeError);
    const big = leafNode('a', new Uint8Array(32), (1n << 63n) - 1n);
    expect(() => buildSumTree([big, leafNode('b', new Uint8Array(32), 1n)])).toThrow(RangeError);
  });
});

describe('verifyLiabilityProof', () => {
  it("verifies every account's proof of a 21-account day", async () => {
    const list = accounts(21);
    const proofs = await proofsFor(list);
    for (const [i, proof] of proofs.entries()) {
      const verdict = await verifyLiabilityProof(JSON.parse(JSON.stringify(proof)), keys);
      expect(verdict).toMatchObject({ ok: true, balance: list[i]!.balance, accountId: list[i]!.id });
    }
  });

  it('a proof holds only sibling hashes and sums: no other account id, salt or leaf', async () => {
    const list = accounts(8);
    const [proof] = await proofsFor(list);
    const text = JSON.stringify(proof);
    for (const other of list.slice(1)) {
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(toHex(other.salt));
    }
    expect(Object.keys(proof!.path[0]!).sort()).toEqual(['hash', 'side', 'sum']);
    expect(proof!.path).toHaveLength(3);
  });

  it('fails when a leaf balance changes (in the file, or in the tree the root was built from)', async () => {
    const list = accounts(9);
    const [proof] = await proofsFor(list);
    expect(await verifyLiabilityProof({ ...proof, balance: (list[0]!.balance + 1n).toString() }, keys)).toEqual({
      ok: false,
      reason: 'not-in-root',
    });
    // The platform understating someone else's balance changes the signed root: the old proof fails.
    const understated = list.map((a, i) => (i === 5 ? { ...a, balance: a.balance - 1n } : a));
    const [fresh] = await proofsFor(understated);
    expect(await verifyLiabilityProof({ ...fresh, path: proof!.path }, keys)).toMatchObject({ ok: false });
  });

  it('fails when a leaf is dropped from the tree', async () => {
    const list = accounts(9);
    const [mine] = await proofsFor(list);
    const [withoutOne] = await proofsFor(list.filter((_, i) => i !== 4));
    expect(await verifyLiabilityProof({ ...withoutOne, path: mine!.path }, keys)).toEqual({
      ok: false,
      reason: 'not-in-root',
    });
    expect(await verifyLiabilityProof({ ...mine, root: withoutOne!.root }, keys)).toEqual({
      ok: false,
      reason: 'not-in-root',
    });
  });

  it('fails when the previous-day link is changed', async () => {
    const [proof] = await proofsFor(accounts(5), 'ab'.repeat(32));
    expect(await verifyLiabilityProof(proof, keys)).toMatchObject({ ok: true });
    const relinked = { ...proof!, root: { ...proof!.root, previousRootHash: 'cd'.repeat(32) } };
    expect(await verifyLiabilityProof(relinked, keys)).toEqual({ ok: false, reason: 'root-not-signed' });
  });

  it('fails on a changed signature, an unknown key, a shortened path, and junk', async () => {
    const [proof] = await proofsFor(accounts(5));
    const jws = proof!.signedRoot;
    const flipped = jws.slice(0, -2) + (jws.endsWith('AA') ? 'BA' : 'AA');
    expect(await verifyLiabilityProof({ ...proof, signedRoot: flipped }, keys)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyLiabilityProof(proof, { keys: [] })).toEqual({ ok: false, reason: 'unknown-key' });
    expect(await verifyLiabilityProof({ ...proof, path: proof!.path.slice(1) }, keys)).toMatchObject({ ok: false });
    expect(await verifyLiabilityProof({ ...proof, balance: '-1' }, keys)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyLiabilityProof('{}', keys)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyLiabilityProof(null, keys)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('brokenLinks', () => {
  const chain = [
    { day: '2026-12-04', rootHash: 'a', previousDay: null, previousRootHash: null },
    { day: '2026-12-05', rootHash: 'b', previousDay: '2026-12-04', previousRootHash: 'a' },
    { day: '2026-12-06', rootHash: 'c', previousDay: '2026-12-05', previousRootHash: 'b' },
  ];
  it('is empty for a whole chain and names the day after a rewritten one', () => {
    expect(brokenLinks(chain)).toEqual([]);
    expect(brokenLinks(chain.map((l) => (l.day === '2026-12-05' ? { ...l, rootHash: 'x' } : l)))).toEqual([
      '2026-12-06',
    ]);
    expect(brokenLinks(chain.filter((l) => l.day !== '2026-12-05'))).toEqual(['2026-12-06']);
  });
});
