// The live invariant check shown under the trial balance: the ledger's own checks
// (server/stored-ledger/check-invariants.ts, one consistent snapshot), admin only.
import 'server-only';
import type { Db } from '../../db';
import { checkLedgerInvariants, type InvariantReport } from '../../stored-ledger/check-invariants';
import { requireAdminOrThrow } from '../require-admin-or-throw';

/** The rules the page lists by name, in this order; any other rule's breach is listed too. */
export const HEADLINE_RULES = ['zero_sum_postings', 'cached_balance_and_pending', 'no_overdraft'] as const;

export async function checkBooks(db: Db, actorId: string): Promise<InvariantReport & { checkedAt: Date; ms: number }> {
  await requireAdminOrThrow(db, actorId);
  const started = Date.now();
  const report = await checkLedgerInvariants(db);
  return { ...report, checkedAt: new Date(), ms: Date.now() - started };
}
