// The first delivery attempt of a notification whose event was just committed, made by this
// process at once: no job to insert, fetch and complete, and no wait for the queue's polling.
// At most MAX_IN_FLIGHT run at a time per process (a slow merchant cannot pile up sockets);
// past that the event is queued as any other. The event row is the outbox: a crash before or
// during the attempt leaves it PENDING, and the minute sweep (sweep-overdue-webhooks.ts)
// queues it. A failed attempt schedules the next one on the retry schedule, as a job's would.
import 'server-only';
import { QUEUES } from '../jobs/job-queue';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';

export const MAX_IN_FLIGHT = 32;

export type StartFirstAttempt = (eventId: string) => Promise<void>;

/** Resolves once the attempt is under way or queued, not when it ends. */
export function firstWebhookAttempts(deps: WebhookDeliveryDeps, maxInFlight = MAX_IN_FLIGHT) {
  let inFlight = 0;
  const settled: Set<Promise<void>> = new Set();
  const start: StartFirstAttempt = async (eventId) => {
    if (inFlight >= maxInFlight) {
      await deps.jobs.enqueue(deps.db, QUEUES.deliverWebhook, { eventId });
      return;
    }
    inFlight++;
    const attempt = deliverWebhook(deps, eventId, { manual: false })
      .then(() => undefined)
      .catch((error: unknown) =>
        console.error('[webhooks] first attempt of %s failed; the sweep retries it', eventId, error),
      )
      .finally(() => {
        inFlight--;
        settled.delete(attempt);
      });
    settled.add(attempt);
  };
  /** Waits for the attempts under way (tests, and a clean shutdown). */
  const idle = async () => {
    while (settled.size > 0) await Promise.all([...settled]);
  };
  return { start, idle, inFlight: () => inFlight };
}
