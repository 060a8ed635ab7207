// Notification deliveries for the admin: failures first (given up after the last retry),
// then those still retrying, then delivered; newest first within each. Optional filters by
// status and merchant.
import 'server-only';
import type { Db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import type { WebhookStatus } from '../../generated/prisma/enums';
import { paged, PAGE_SIZE, type Paged } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type WebhookDeliveryRow = {
  id: string;
  type: string;
  status: WebhookStatus;
  url: string;
  attemptCount: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  merchant: { id: string; shopName: string };
  lastAttempt: {
    number: number;
    manual: boolean;
    responseStatus: number | null;
    error: string | null;
    createdAt: Date;
  } | null;
};

export type WebhookDeliveryCounts = Record<WebhookStatus, number>;

export async function listWebhookDeliveries(
  db: Db,
  actorId: string,
  query: { status?: WebhookStatus; page: number },
): Promise<Paged<WebhookDeliveryRow> & { counts: WebhookDeliveryCounts }> {
  await requireAdminOrThrow(db, actorId);
  const filter = query.status ? Prisma.sql`WHERE status = ${query.status}::"WebhookStatus"` : Prisma.empty;
  const [grouped, ids] = await Promise.all([
    db.webhookEvent.groupBy({ by: ['status'], _count: { _all: true } }),
    db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM webhook_events ${filter}
      ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END, created_at DESC, id DESC
      LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`,
  ]);
  const counts: WebhookDeliveryCounts = { PENDING: 0, DELIVERED: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const total = query.status ? counts[query.status] : counts.PENDING + counts.DELIVERED + counts.FAILED;

  const rows = await db.webhookEvent.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      merchantId: true,
      type: true,
      status: true,
      url: true,
      attemptCount: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      attempts: {
        orderBy: { number: 'desc' },
        take: 1,
        select: { number: true, manual: true, responseStatus: true, error: true, createdAt: true },
      },
    },
  });
  const merchants = await db.merchant.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.merchantId))] } },
    select: { id: true, shopName: true },
  });
  const shop = new Map(merchants.map((m) => [m.id, m.shopName]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const { attempts, merchantId, ...event } = row;
    return [
      {
        ...event,
        merchant: { id: merchantId, shopName: shop.get(merchantId) ?? '' },
        lastAttempt: attempts[0] ?? null,
      },
    ];
  });
  return { ...paged(items, total, query.page), counts };
}
