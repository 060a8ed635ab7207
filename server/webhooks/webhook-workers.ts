// The pg-boss workers of merchant notifications: deliveries (each job one attempt; after a
// failure deliverWebhook enqueues the next with startAfter on the schedule, not pg-boss's
// own retry, which is left for errors of our own such as a lost database connection) and
// the minute sweep.
import type PgBoss from 'pg-boss';
import { QUEUES } from '../jobs/job-queue';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';
import { sweepOverdueWebhooks } from './sweep-overdue-webhooks';

export async function startWebhookWorkers(
  boss: PgBoss,
  deps: WebhookDeliveryDeps,
  options: { pollingIntervalSeconds?: number; sweep?: boolean } = {},
): Promise<void> {
  await boss.work<{ eventId: string }>(
    QUEUES.deliverWebhook,
    { batchSize: 10, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async (jobs) => {
      // Attempts of a batch run side by side: one slow merchant must not hold up the others.
      const results = await Promise.allSettled(jobs.map((job) => deliverWebhook(deps, job.data.eventId, { manual: false })));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason; // retried by pg-boss; finished attempts find their event not due
    },
  );
  if (options.sweep ?? true) {
    await boss.work(QUEUES.sweepWebhooks, async () => {
      await sweepOverdueWebhooks(deps.db, boss);
    });
    await boss.schedule(QUEUES.sweepWebhooks, '* * * * *');
  }
}
