// Order lookups for a merchant: another merchant's order is "not found", never "forbidden".
import 'server-only';
import type { Db } from '../db';
import type { Order } from '../generated/prisma/client';
import { NotFoundError } from '../core/domain-errors';
import { isUuid } from '../../lib/ids/is-uuid';

export async function findMerchantOrderOrThrow(db: Db, merchantId: string, orderId: string): Promise<Order> {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  const order = await db.order.findFirst({ where: { id: orderId, merchantId } });
  if (!order) throw new NotFoundError('Order');
  return order;
}

export async function findOrderByMerchantOrderNoOrThrow(
  db: Db,
  merchantId: string,
  merchantOrderNo: string,
): Promise<Order> {
  const order = await db.order.findUnique({ where: { merchantId_merchantOrderNo: { merchantId, merchantOrderNo } } });
  if (!order) throw new NotFoundError('Order');
  return order;
}
