// The app's background work on pg-boss, started with the app (instrumentation.ts): status
// queries for pending bank operations, a sweep that makes sure none is forgotten, and hold
// expiry. One pg-boss per process, kept on globalThis so Next's module layers share it.
import 'server-only';
import type PgBoss from 'pg-boss';
import { db } from '../db';
import { purgeAccountLinks } from '../auth/purge-account-links';
import { env } from '../env';
import { expireHolds } from '../stored-ledger';
import { purgeIdempotencyKeys } from '../merchant-api/purge-idempotency-keys';
import { expireOrders } from '../orders/close-order';
import { settlePendingOperation } from '../wallet/operations/settle-pending-operation';
import { appDepsWithJobs } from '../core/deps-with-jobs';
import { PgBossJobQueue, QUEUES, startPgBoss } from './job-queue';
import { startReconciliationWorker } from '../reconciliation/reconciliation-worker';
import { startLiabilityProofWorker } from '../liability-proof/liability-proof-worker';
import { startWebhookWorkers } from '../webhooks/webhook-workers';
import { webhookRetrySchedule } from '../webhooks/webhook-retry-schedule';

type Global = { walletJobs?: Promise<PgBoss> };
const globalForJobs = globalThis as unknown as Global;

/** The process's pg-boss, started on first use (workers only if BACKGROUND_WORKERS is 1). */
export function pgBoss(): Promise<PgBoss> {
  globalForJobs.walletJobs ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    const workers = env().BACKGROUND_WORKERS === '1';
    const boss = await startPgBoss(url, { supervise: workers, schedule: workers });
    if (workers) await startWorkers(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForJobs.walletJobs = undefined; // let the next caller try again
    throw error;
  });
  return globalForJobs.walletJobs;
}

export async function jobQueue(): Promise<PgBossJobQueue> {
  return new PgBossJobQueue(await pgBoss());
}

/** How long until the next status query, by the operation's age: often at first, then rarely. */
export function nextQueryDelaySeconds(ageMs: number): number {
  if (ageMs < 5 * 60_000) return 10;
  if (ageMs < 60 * 60_000) return 60;
  return 600;
}

async function startWorkers(boss: PgBoss): Promise<void> {
  const deps = appDepsWithJobs(new PgBossJobQueue(boss));
  await boss.work<{ operationId: string }>(
    QUEUES.settleOperation,
    { batchSize: 5, pollingIntervalSeconds: 2 },
    async (jobs) => {
      for (const job of jobs) {
        const result = await settlePendingOperation(deps, job.data.operationId);
        if (result === 'STILL_PENDING') {
          const operation = await db().walletOperation.findUnique({
            where: { id: job.data.operationId },
            select: { createdAt: true },
          });
          const age = operation ? Date.now() - operation.createdAt.getTime() : 0;
          await boss.send(QUEUES.settleOperation, job.data, {
            startAfter: nextQueryDelaySeconds(age),
            retryLimit: 5,
            retryDelay: 10,
            retryBackoff: true,
          });
        }
      }
    },
  );

  await boss.work(QUEUES.sweepPendingOperations, async () => {
    const stale = await db().walletOperation.findMany({
      where: {
        status: 'PENDING',
        kind: { in: ['TOP_UP', 'WITHDRAWAL', 'PAYMENT', 'PAYOUT'] },
        createdAt: { lt: new Date(Date.now() - 5 * 60_000) },
      },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
    for (const { id } of stale) {
      // singleton per operation and 5-minute slot: a sweep never piles up jobs for one operation.
      await boss.send(QUEUES.settleOperation, { operationId: id }, { singletonKey: id, singletonSeconds: 300 });
    }
  });
  await boss.schedule(QUEUES.sweepPendingOperations, '* * * * *');

  await boss.work(QUEUES.expireOrders, async () => {
    await expireOrders(deps);
  });
  await boss.schedule(QUEUES.expireOrders, '* * * * *');

  await boss.work(QUEUES.purgeIdempotencyKeys, async () => {
    await purgeIdempotencyKeys(db());
  });
  await boss.schedule(QUEUES.purgeIdempotencyKeys, '17 * * * *');

  await boss.work(QUEUES.purgeAccountLinks, async () => {
    await purgeAccountLinks(db());
  });
  await boss.schedule(QUEUES.purgeAccountLinks, '23 * * * *');

  await startReconciliationWorker(boss);
  await startLiabilityProofWorker(boss);

  await boss.work(QUEUES.expireHolds, async () => {
    await expireHolds(db());
  });
  await boss.schedule(QUEUES.expireHolds, '* * * * *');

  // Merchant notifications: delivery attempts on the retry schedule, and their minute sweep.
  await startWebhookWorkers(boss, {
    db: db(),
    jobs: new PgBossJobQueue(boss),
    scheduleSeconds: webhookRetrySchedule(),
  });
}
