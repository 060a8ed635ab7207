// The shop owner ships a paid order: the wallet is told first (POST /orders/{id}/shipment,
// which notifies the customer), then the store order becomes SHIPPED. The Idempotency-Key is
// derived from the order and the shipment itself, so a double submit or a retry after a lost
// answer is one shipment at the wallet, while corrected details are a new request.
import { createHash } from 'node:crypto';
import { StoreOrderNotPayableError } from '../errors';
import { findStoreOrderOrThrow, type StoreOrder } from '../orders/store-order';
import type { StoreDeps } from '../store-deps';

export type ShipInput = { storeOrderId: string; carrier: string; trackingNo: string };

export function shipmentIdempotencyKey(input: ShipInput): string {
  const digest = createHash('sha256')
    .update(`${input.carrier}\n${input.trackingNo}`, 'utf8')
    .digest('hex')
    .slice(0, 16);
  return `ship-${input.storeOrderId}-${digest}`;
}

export async function shipStoreOrder(deps: StoreDeps, input: ShipInput): Promise<StoreOrder> {
  const order = await findStoreOrderOrThrow(deps.pool, input.storeOrderId);
  if (order.status === 'SHIPPED') return order;
  if (order.status !== 'PAID' || !order.walletOrderId) throw new StoreOrderNotPayableError(order.status);
  const walletOrder = await deps.wallet.ship(
    order.walletOrderId,
    { carrier: input.carrier, tracking_number: input.trackingNo },
    shipmentIdempotencyKey(input),
  );
  const shippedAt = walletOrder.shipment?.shipped_at ? new Date(walletOrder.shipment.shipped_at) : new Date();
  await deps.pool.query(
    `UPDATE demo_store.orders SET status = 'SHIPPED', carrier = $2, tracking_no = $3, shipped_at = $4 WHERE id = $1 AND status = 'PAID'`,
    [order.id, input.carrier, input.trackingNo, shippedAt],
  );
  return findStoreOrderOrThrow(deps.pool, order.id);
}
