// A manual resend from the merchant dashboard or the admin pages: one attempt now, whatever
// the event's status (receivers deduplicate by event id). Its failure leaves the automatic
// schedule as it was; its success marks the event DELIVERED.
import 'server-only';
import type { AppDeps } from '../core/deps';
import type { WebhookAttempt } from '../generated/prisma/client';
import type { JobQueue } from '../jobs/job-queue';
import { NotFoundError } from '../core/domain-errors';
import { deliverWebhook, type WebhookDeliverySettings } from './deliver-webhook';
import { findWebhookEventOrThrow } from './find-webhook-event-or-throw';

/** Manual attempts never schedule a next one; this queue says so if that ever changes. */
const NO_JOBS: JobQueue = {
  enqueue() {
    throw new Error('a manual webhook attempt does not enqueue jobs');
  },
};

/** merchantId: the signed-in merchant's id (the event must be theirs), or null for an admin. */
export async function resendWebhookEvent(
  deps: Pick<AppDeps, 'db'> & Pick<WebhookDeliverySettings, 'timeoutMs'>,
  input: { eventId: string; merchantId: string | null },
): Promise<WebhookAttempt> {
  await findWebhookEventOrThrow(deps.db, input);
  const result = await deliverWebhook({ db: deps.db, jobs: NO_JOBS, timeoutMs: deps.timeoutMs }, input.eventId, {
    manual: true,
  });
  if (!result.sent) throw new NotFoundError('Notification');
  return result.attempt;
}
