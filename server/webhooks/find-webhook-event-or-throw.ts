// One notification with its attempts, for its merchant (or an admin: merchantId null).
// Another merchant's event, or an unknown id, is the same NotFoundError.
import 'server-only';
import type { DbClient, Prisma } from '../db';
import { NotFoundError } from '../core/domain-errors';
import { isUuid } from '../../lib/ids/is-uuid';

export type WebhookEventWithAttempts = Prisma.WebhookEventGetPayload<{ include: { attempts: true } }>;

export async function findWebhookEventOrThrow(
  db: DbClient,
  input: { eventId: string; merchantId: string | null },
): Promise<WebhookEventWithAttempts> {
  if (!isUuid(input.eventId)) throw new NotFoundError('Notification');
  const event = await db.webhookEvent.findFirst({
    where: { id: input.eventId, ...(input.merchantId !== null ? { merchantId: input.merchantId } : {}) },
    include: { attempts: { orderBy: { number: 'asc' } } },
  });
  if (!event) throw new NotFoundError('Notification');
  return event;
}
