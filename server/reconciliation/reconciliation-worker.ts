// The daily reconciliation (docs/operations.md, "Reconciliation"): pg-boss runs it at 00:30 Shanghai time for the day
// that just ended. A run already going (an admin's, or another instance's) is left alone;
// any other failure is retried by pg-boss and leaves a FAILED run for the admin page.
import 'server-only';
import type PgBoss from 'pg-boss';
import { bankGateway } from '../bank/bank-gateway-instance';
import { db } from '../db';
import { QUEUES } from '../jobs/job-queue';
import { previousBusinessDate } from './business-date';
import { ReconciliationAlreadyRunningError } from './reconciliation-errors';
import { runReconciliation } from './run-reconciliation';

export const DAILY_RECONCILIATION_CRON = '30 0 * * *';

/** One proof job per day; a failed build (alerted on the admin page) is tried again 5 minutes later. */
const LIABILITY_PROOF_JOB = { retryLimit: 3, retryDelay: 300 } as const;

/** The job's body, apart from pg-boss (tests call it directly). */
export async function runDailyReconciliation(deps = { db: db(), bank: bankGateway() }, now = new Date()) {
  const date = previousBusinessDate(now);
  try {
    return await runReconciliation(deps, { date, trigger: 'SCHEDULED' }, now);
  } catch (error) {
    if (error instanceof ReconciliationAlreadyRunningError) return null;
    throw error;
  }
}

export async function startReconciliationWorker(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.reconcileReserve, async () => {
    const summary = await runDailyReconciliation();
    if (summary)
      console.log(`[reconciliation] ${summary.date}: ${summary.bankLineCount} lines, ${summary.breakCount} breaks`);
    // The day's proof of liabilities states the reserve just reconciled (server/liability-proof).
    // Sent even when another run of the day was going: the proof job waits for it by retrying.
    const date = previousBusinessDate();
    await boss.send(QUEUES.buildLiabilityProof, { date }, { ...LIABILITY_PROOF_JOB, singletonKey: `proof:${date}` });
  });
  await boss.schedule(
    QUEUES.reconcileReserve,
    DAILY_RECONCILIATION_CRON,
    {},
    { tz: 'Asia/Shanghai', retryLimit: 3, retryDelay: 300 },
  );
}
