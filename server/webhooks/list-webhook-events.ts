// Notifications for the merchant dashboard and the admin pages. Authorisation is the
// merchantId filter here, where the data is read (null = admin, every merchant).
import 'server-only';
import type { Db, Prisma } from '../db';
import type { WebhookStatus } from '../generated/prisma/client';
import type { WebhookEventWithAttempts } from './find-webhook-event-or-throw';
import { isUuid } from '../../lib/ids/is-uuid';

export const WEBHOOK_LIST_MAX_LIMIT = 100;

/** An order's notifications, oldest first, each with its attempts in order. */
export async function listOrderWebhookEvents(
  db: Db,
  input: { orderId: string; merchantId: string | null },
): Promise<WebhookEventWithAttempts[]> {
  if (!isUuid(input.orderId)) return [];
  return db.webhookEvent.findMany({
    where: { orderId: input.orderId, ...(input.merchantId !== null ? { merchantId: input.merchantId } : {}) },
    include: { attempts: { orderBy: { number: 'asc' } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

const summarySelect = {
  id: true,
  merchantId: true,
  type: true,
  orderId: true,
  url: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
  attempts: {
    orderBy: { number: 'desc' },
    take: 1,
    select: { number: true, manual: true, responseStatus: true, error: true, durationMs: true, createdAt: true },
  },
} satisfies Prisma.WebhookEventSelect;

type SummaryRow = Prisma.WebhookEventGetPayload<{ select: typeof summarySelect }>;
export type WebhookEventSummary = Omit<SummaryRow, 'attempts'> & { lastAttempt: SummaryRow['attempts'][number] | null };

export type WebhookEventPage = { events: WebhookEventSummary[]; hasMore: boolean; nextCursor: string | null };

/**
 * A merchant's notifications (or everybody's for an admin), newest first. `startingAfter` is
 * the id of the last event of the previous page; one that is not in this list restarts it.
 */
export async function listMerchantWebhookEvents(
  db: Db,
  input: { merchantId: string | null; status?: WebhookStatus; limit?: number; startingAfter?: string | null },
): Promise<WebhookEventPage> {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 20), 1), WEBHOOK_LIST_MAX_LIMIT);
  const scope: Prisma.WebhookEventWhereInput = {
    ...(input.merchantId !== null ? { merchantId: input.merchantId } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const validCursor = isUuid(input.startingAfter) ? input.startingAfter : null;
  const cursor = validCursor
    ? await db.webhookEvent.findFirst({ where: { ...scope, id: validCursor }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.webhookEvent.findMany({
    where: {
      ...scope,
      ...(cursor
        ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
        : {}),
    },
    select: summarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit).map(({ attempts, ...event }) => ({ ...event, lastAttempt: attempts[0] ?? null }));
  const hasMore = rows.length > limit;
  return { events: page, hasMore, nextCursor: hasMore ? page[page.length - 1]!.id : null };
}
