// The pg-boss workers of merchant notifications: deliveries (each job one attempt; after a
// failure deliverWebhook enqueues the next with startAfter on the schedule, not pg-boss's
// own retry, which is left for errors of our own such as a lost database connection) and
// the minute sweep.
import type PgBoss from 'pg-boss';
import { QUEUES } from '../jobs/job-queue';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';
import { sweepOverdueWebhooks } from './sweep-overdue-webhooks';

const DELIVERY_WORKERS = 2;
const BATCH_SIZE = 10;

export async function startWebhookWorkers(
  boss: PgBoss,
  deps: WebhookDeliveryDeps,
  options: { pollingIntervalSeconds?: number; sweep?: boolean } = {},
): Promise<void> {
  // Each worker fetches up to BATCH_SIZE jobs and attempts them side by side (one slow
  // merchant does not hold up the others); two workers so that a batch waiting on a timeout
  // does not stop the queue. pg-boss waits its polling interval between fetches even when
  // jobs are waiting, so a full batch asks for the next one at once.
  for (let i = 0; i < DELIVERY_WORKERS; i++) {
    // Set once boss.work answers; a batch may finish before that, hence the holder.
    const worker: { id?: string } = {};
    worker.id = await boss.work<{ eventId: string }>(
      QUEUES.deliverWebhook,
      { batchSize: BATCH_SIZE, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        const results = await Promise.allSettled(
          jobs.map((job) => deliverWebhook(deps, job.data.eventId, { manual: false })),
        );
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failure) throw failure.reason; // retried by pg-boss; finished attempts find their event not due
        if (jobs.length === BATCH_SIZE && worker.id) boss.notifyWorker(worker.id);
      },
    );
  }
  if (options.sweep ?? true) {
    await boss.work(QUEUES.sweepWebhooks, async () => {
      await sweepOverdueWebhooks(deps.db, boss);
    });
    await boss.schedule(QUEUES.sweepWebhooks, '* * * * *');
  }
}
