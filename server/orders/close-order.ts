// A merchant closes a PENDING order (API POST /orders/{id}/close), or the expiry job ends one
// whose time ran out. Either way: one transaction with its timeline event and an order.closed
// notification; a paid or already closed order is left alone.
import 'server-only';
import type { Tx } from '../db';
import type { Order } from '../generated/prisma/client';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import { recordWebhookEvent } from '../webhooks/record-webhook-event';
import { inTransaction } from '../core/in-transaction';
import type { AppDeps } from '../core/deps';
import { lockOrderOrThrow } from './lock-order';
import { OrderNotPendingError } from './order-errors';
import { toOrderJson } from './order-json';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'appUrl'>;

export async function closeOrder(deps: Deps, input: { merchantId: string; orderId: string }): Promise<Order> {
  return inTransaction(deps.db, async (tx) => {
    const { order } = await lockOrderOrThrow(tx, input.orderId, input.merchantId);
    await refuseFrozenMerchant(tx, input.merchantId); // the expiry job still ends a frozen merchant's orders
    if (order.status !== 'PENDING') throw new OrderNotPendingError(order.status);
    return endOrder(tx, deps, order, 'CLOSED');
  });
}

/** Expires PENDING orders whose time passed on the database clock; returns how many. */
export async function expireOrders(deps: Deps, batchSize = 200): Promise<number> {
  let expired = 0;
  for (;;) {
    const ids = await deps.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM orders WHERE status = 'PENDING' AND expires_at <= now()
      ORDER BY expires_at LIMIT ${batchSize}`;
    for (const { id } of ids) {
      const done = await inTransaction(deps.db, async (tx) => {
        const { order } = await lockOrderOrThrow(tx, id);
        // Re-checked under the lock: a payment may have won the race.
        const [clock] = await tx.$queryRaw<{ due: boolean }[]>`SELECT ${order.expiresAt} <= now() AS due`;
        if (order.status !== 'PENDING' || !clock?.due) return false;
        await endOrder(tx, deps, order, 'EXPIRED');
        return true;
      });
      if (done) expired += 1;
    }
    if (ids.length < batchSize) return expired;
  }
}

async function endOrder(tx: Tx, deps: Deps, order: Order, status: 'CLOSED' | 'EXPIRED'): Promise<Order> {
  const ended = await tx.order.update({
    where: { id: order.id },
    data: { status, closedAt: new Date(), events: { create: { type: status, detail: {} } } },
  });
  await recordWebhookEvent(tx, deps.jobs, {
    merchantId: order.merchantId,
    type: 'order.closed',
    orderId: order.id,
    url: order.notifyUrl,
    data: { object: toOrderJson(ended, deps.appUrl) },
  });
  return ended;
}
