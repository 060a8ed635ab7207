// Whether a day's reserve has been reconciled (what a day's proof needs before it is built).
import 'server-only';
import { DEFAULT_CURRENCY } from '@/ledger';
import type { DbClient } from '../db';

export async function hasCompletedReconciliation(db: DbClient, date: string, currency = DEFAULT_CURRENCY) {
  const run = await db.reconciliationRun.findFirst({
    where: { businessDate: date, currency, status: 'COMPLETED', bankClosingBalance: { not: null } },
    select: { id: true },
  });
  return run !== null;
}
