// The day's Merkle sum tree from the ledger: leaves in the order of their salts (random to
// anyone without the key, and different every day), so a leaf's neighbour, whose balance the
// proof shows as the first sibling sum, is an unrelated account that changes daily.
import 'server-only';
import { buildSumTree, type SumTree } from '@/lib/liability-proof/sum-tree';
import { leafNode, toHex } from '@/lib/liability-proof/sum-tree-encoding';
import type { DbClient } from '../db';
import { liabilitiesAt, type AccountBalance } from './day-end-balances';
import { proofSalt } from './proof-salt';

export type Leaf = AccountBalance & { salt: Uint8Array };
export type LiabilityTree = { tree: SumTree; leaves: Leaf[] };

export function treeOfBalances(day: string, balances: readonly AccountBalance[]): LiabilityTree {
  const keyed = balances.map((b) => {
    const salt = proofSalt(day, b.accountId);
    return { leaf: { ...b, salt }, key: toHex(salt) };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const leaves = keyed.map((k) => k.leaf);
  return { tree: buildSumTree(leaves.map((l) => leafNode(l.accountId, l.salt, l.balance))), leaves };
}

export async function buildLiabilityTree(
  db: DbClient,
  day: string,
  currency: string,
  end: Date,
): Promise<LiabilityTree> {
  return treeOfBalances(day, await liabilitiesAt(db, currency, end));
}
