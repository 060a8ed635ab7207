// One order of the merchant for its detail page: amounts (paid, fee, refunded, net), the
// customer's masked name, the timeline, refunds and every notification with its attempts.
// Another merchant's order id answers NotFoundError, like an id that does not exist.
import 'server-only';
import type { Db } from '../db';
import type { Order, OrderEvent, Refund } from '../generated/prisma/client';
import { findMerchantOrderOrThrow } from '../orders/find-order-or-throw';
import { maskName } from '../../lib/text/mask';
import type { WebhookEventWithAttempts } from '../webhooks/find-webhook-event-or-throw';
import { listOrderWebhookEvents } from '../webhooks/list-webhook-events';

export type MerchantOrderDetail = {
  order: Order;
  /** What the merchant keeps of it now: paid − fee − refunded (zero until paid). */
  net: bigint;
  refundable: bigint;
  customer: string | null;
  events: OrderEvent[];
  refunds: Refund[];
  notifications: WebhookEventWithAttempts[];
};

const REFUNDABLE = new Set(['PAID', 'SHIPPED', 'PARTIALLY_REFUNDED']);

export async function getMerchantOrderDetail(
  db: Db,
  merchantId: string,
  orderId: string,
): Promise<MerchantOrderDetail> {
  const order = await findMerchantOrderOrThrow(db, merchantId, orderId);
  const [events, refunds, notifications, payer] = await Promise.all([
    db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.refund.findMany({ where: { orderId: order.id, merchantId }, orderBy: { createdAt: 'asc' } }),
    listOrderWebhookEvents(db, { orderId: order.id, merchantId }),
    order.payerUserId ? db.user.findUnique({ where: { id: order.payerUserId }, select: { displayName: true } }) : null,
  ]);
  const paid = order.paidAt ? order.amount : 0n;
  return {
    order,
    net: paid - order.merchantFee - order.refundedAmount,
    refundable: REFUNDABLE.has(order.status) ? order.amount - order.refundedAmount : 0n,
    customer: payer ? maskName(payer.displayName) : null,
    events,
    refunds,
    notifications,
  };
}
