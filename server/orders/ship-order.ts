// The merchant's shipment notice (API POST /orders/{id}/shipment, docs/design.md, "The payment flow", step 5): the
// order records carrier and tracking number (a second notice corrects them), its timeline
// shows it, and the customer gets an in-app notification.
import 'server-only';
import type { Order } from '../generated/prisma/client';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import { addNotification } from '../notifications/add-notification';
import { inTransaction } from '../core/in-transaction';
import type { AppDeps } from '../core/deps';
import { lockOrderOrThrow } from './lock-order';
import { OrderNotPaidError } from './order-errors';

export type ShipOrderInput = { merchantId: string; orderId: string; carrier: string; trackingNumber: string };

const SHIPPABLE = new Set(['PAID', 'SHIPPED', 'PARTIALLY_REFUNDED']);

export async function shipOrder(deps: Pick<AppDeps, 'db'>, input: ShipOrderInput): Promise<Order> {
  return inTransaction(deps.db, async (tx) => {
    const { order } = await lockOrderOrThrow(tx, input.orderId, input.merchantId);
    await refuseFrozenMerchant(tx, input.merchantId);
    if (!SHIPPABLE.has(order.status) || !order.payerUserId) throw new OrderNotPaidError(order.status);
    if (order.carrier === input.carrier && order.trackingNumber === input.trackingNumber) return order; // the same notice again
    const merchant = await tx.merchant.findUniqueOrThrow({
      where: { id: order.merchantId },
      select: { shopName: true },
    });
    const shipped = await tx.order.update({
      where: { id: order.id },
      data: {
        status: order.status === 'PAID' ? 'SHIPPED' : order.status,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: order.shippedAt ?? new Date(),
        events: {
          create: { type: 'SHIPPED', detail: { carrier: input.carrier, trackingNumber: input.trackingNumber } },
        },
      },
    });
    await addNotification(tx, {
      userId: order.payerUserId,
      kind: 'ORDER_SHIPPED',
      operationId: order.paymentOperationId ?? undefined,
      params: {
        shop: merchant.shopName,
        subject: order.subject,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        orderId: order.id,
      },
    });
    return shipped;
  });
}
