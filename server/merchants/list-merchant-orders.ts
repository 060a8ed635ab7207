// The merchant's orders, newest first, with filters (status, Shanghai days of creation, a
// merchant_order_no prefix) and a cursor (the id of the last order of the previous page).
// Scoped by merchantId here, where the data is read.
import 'server-only';
import type { Db, Prisma } from '../db';
import type { Order, OrderStatus } from '../generated/prisma/client';
import { isUuid } from '../../lib/ids/is-uuid';
import { shanghaiDayStart } from '../../lib/time/shanghai-day';
import { InvalidInputError } from '../core/domain-errors';
import { ORDER_STATUSES } from '@/lib/orders/order-statuses';

// Every listed status is one the database knows (a typo there does not compile).
const _orderStatusesAreKnown: readonly OrderStatus[] = ORDER_STATUSES;
export const ORDERS_PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

export type MerchantOrderFilter = {
  status?: OrderStatus | undefined;
  /** Shanghai days `YYYY-MM-DD`, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  merchantOrderNo?: string | undefined;
};

export type MerchantOrderPage = { orders: Order[]; nextCursor: string | null };

function day(field: 'from' | 'to', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const start = shanghaiDayStart(value);
  if (!start) throw new InvalidInputError(field, `${field} must be a date YYYY-MM-DD`);
  return field === 'to' ? new Date(start.getTime() + DAY_MS) : start;
}

export async function listMerchantOrders(
  db: Db,
  merchantId: string,
  filter: MerchantOrderFilter,
  options: { cursor?: string | undefined; limit?: number } = {},
): Promise<MerchantOrderPage> {
  const limit = Math.min(Math.max(options.limit ?? ORDERS_PAGE_SIZE, 1), 100);
  const from = day('from', filter.from);
  const to = day('to', filter.to);
  const where: Prisma.OrderWhereInput = {
    merchantId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.merchantOrderNo ? { merchantOrderNo: { startsWith: filter.merchantOrderNo } } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
  // A cursor of another merchant (or unknown) is refused, never followed.
  let after: { id: string; createdAt: Date } | null = null;
  if (options.cursor !== undefined) {
    after = isUuid(options.cursor)
      ? await db.order.findFirst({ where: { id: options.cursor, merchantId }, select: { id: true, createdAt: true } })
      : null;
    if (!after) throw new InvalidInputError('cursor', 'Unknown cursor');
  }
  const rows = await db.order.findMany({
    where: after
      ? {
          AND: [
            where,
            { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
          ],
        }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const orders = rows.slice(0, limit);
  return { orders, nextCursor: rows.length > limit ? orders[orders.length - 1]!.id : null };
}
