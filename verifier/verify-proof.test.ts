// The standalone verifier, run as a person would run it (node, a file, a keys file), against
// proofs made by the app's own tree code and a real Ed25519 signature: it must agree with
// lib/liability-proof on what verifies and what does not.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  pathToJson,
  PROOF_FILE_FORMAT,
  PROOF_ROOT_FORMAT,
  type LiabilityProofFile,
} from '@/lib/liability-proof/liability-proof';
import { buildSumTree, pathOf } from '@/lib/liability-proof/sum-tree';
import { leafNode, toHex } from '@/lib/liability-proof/sum-tree-encoding';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'verify-proof-'));
let keysFile: string;
let proofs: LiabilityProofFile[];

async function verify(proof: unknown): Promise<{ code: number; out: string }> {
  const file = join(dir, `proof-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(proof));
  try {
    const { stdout } = await run(process.execPath, ['verifier/verify-proof.mjs', file, '--keys', keysFile]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  keysFile = join(dir, 'keys.json');
  writeFileSync(
    keysFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }] }),
  );
  const accounts = Array.from({ length: 7 }, (_, i) => ({
    id: `acct-${i}`,
    salt: new Uint8Array(32).fill(i + 1),
    balance: BigInt(1000 * i + 5),
  }));
  const tree = buildSumTree(accounts.map((a) => leafNode(a.id, a.salt, a.balance)));
  const root = {
    hash: toHex(tree.root.hash),
    total: tree.root.sum.toString(),
    leafCount: 7,
    previousRootHash: 'ab'.repeat(32),
  };
  const signedRoot = await new CompactSign(
    new TextEncoder().encode(
      JSON.stringify({
        format: PROOF_ROOT_FORMAT,
        day: '2026-12-06',
        currency: 'CNY',
        rootHash: root.hash,
        totalLiabilities: root.total,
        leafCount: 7,
        previousDay: '2026-12-05',
        previousRootHash: root.previousRootHash,
        reserveBalance: '99999',
        difference: '0',
      }),
    ),
  )
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'wallet-proof-root+jws' })
    .sign(pair.privateKey);
  proofs = accounts.map((a, i) => ({
    format: PROOF_FILE_FORMAT,
    day: '2026-12-06',
    currency: 'CNY',
    accountId: a.id,
    salt: toHex(a.salt),
    balance: a.balance.toString(),
    path: pathToJson(pathOf(tree, i)),
    root,
    signedRoot,
    kid: 'k1',
  }));
});

describe('verifier/verify-proof.mjs', () => {
  it('prints verified and exits 0 for every account of the day', async () => {
    for (const proof of proofs) {
      const { code, out } = await verify(proof);
      expect(code, out).toBe(0);
      expect(out).toMatch(
        new RegExp(`^verified: the balance CNY \\d+\\.\\d{2} of account ${proof.accountId} on 2026-12-06`),
      );
    }
  }, 30_000);

  it('exits 1 with the reason for a changed balance, a changed previous-day link and a changed signature', async () => {
    const [proof] = proofs as [LiabilityProofFile];
    const balance = await verify({ ...proof, balance: (BigInt(proof.balance) + 1n).toString() });
    expect(balance).toMatchObject({ code: 1 });
    expect(balance.out).toContain('do not lead to the root');
    const link = await verify({ ...proof, root: { ...proof.root, previousRootHash: 'cd'.repeat(32) } });
    expect(link).toMatchObject({ code: 1 });
    expect(link.out).toContain('previous-day link');
    const sig = await verify({ ...proof, signedRoot: proof.signedRoot.slice(0, -3) + 'AAA' });
    expect(sig).toMatchObject({ code: 1 });
    expect(sig.out).toContain('signature');
  }, 30_000);
});
