// One person's proof for one day: their leaf (account id, salt, balance) and its path, with
// the day's signed root. The tree is rebuilt from the ledger (day-end-balances.ts says why
// that always gives the same tree) and must come back to the published root: if it did not,
// the ledger would have changed behind a published day, and no proof is handed out.
import 'server-only';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { pathToJson, PROOF_FILE_FORMAT, type LiabilityProofFile } from '@/lib/liability-proof/liability-proof';
import { pathOf } from '@/lib/liability-proof/sum-tree';
import { toHex } from '@/lib/liability-proof/sum-tree-encoding';
import type { Db } from '../db';
import { businessDayOrThrow } from '../reconciliation/business-date';
import { buildLiabilityTree, type LiabilityTree } from './build-liability-tree';
import { ProofNoAccountError, ProofNotPublishedError } from './liability-proof-errors';

export type ProofAccount = 'wallet' | 'merchant';

// Rebuilt trees of the last days asked for: a day's tree never changes, so it can be kept.
const recentTrees = new Map<string, Promise<LiabilityTree>>();
const KEEP_TREES = 2;

function treeOf(db: Db, date: string, currency: string, end: Date): Promise<LiabilityTree> {
  const key = `${date}:${currency}`;
  let tree = recentTrees.get(key);
  if (!tree) {
    tree = buildLiabilityTree(db, date, currency, end);
    tree.catch(() => recentTrees.delete(key));
    recentTrees.set(key, tree);
    while (recentTrees.size > KEEP_TREES) recentTrees.delete(recentTrees.keys().next().value!);
  }
  return tree;
}

export async function getAccountProof(
  db: Db,
  userId: string,
  date: string,
  account: ProofAccount = 'wallet',
): Promise<LiabilityProofFile> {
  const day = businessDayOrThrow(date);
  const root = await db.liabilityProofRoot.findUnique({ where: { businessDate: day.date } });
  if (!root) throw new ProofNotPublishedError(day.date);
  const code =
    account === 'merchant'
      ? await db.merchant
          .findUnique({ where: { userId }, select: { id: true } })
          .then((m) => (m ? merchantBalanceCode(m.id) : null))
      : userWalletCode(userId);
  const ledgerAccount = code
    ? await db.ledgerAccount.findUnique({
        where: { code_currency: { code, currency: root.currency } },
        select: { id: true },
      })
    : null;
  if (!ledgerAccount) throw new ProofNoAccountError(day.date);

  const { tree, leaves } = await treeOf(db, day.date, root.currency ?? DEFAULT_CURRENCY, day.end);
  if (toHex(tree.root.hash) !== root.rootHash || tree.root.sum !== root.totalLiabilities) {
    recentTrees.clear();
    throw new Error(`liability proof ${day.date}: the ledger no longer gives the published root`);
  }
  const index = leaves.findIndex((l) => l.accountId === ledgerAccount.id);
  if (index < 0) throw new ProofNoAccountError(day.date); // opened after the day's end
  const leaf = leaves[index]!;
  return {
    format: PROOF_FILE_FORMAT,
    day: day.date,
    currency: root.currency,
    accountId: leaf.accountId,
    salt: toHex(leaf.salt),
    balance: leaf.balance.toString(),
    path: pathToJson(pathOf(tree, index)),
    root: {
      hash: root.rootHash,
      total: root.totalLiabilities.toString(),
      leafCount: root.leafCount,
      previousRootHash: root.previousRootHash,
    },
    signedRoot: root.signedRoot,
    kid: root.kid,
  };
}
