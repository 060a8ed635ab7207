// POST /orders/{id}/close, /orders/{id}/refunds, /orders/{id}/shipment.
import { parseMinorUnits } from '@/ledger';
import { closeOrder } from '../../orders/close-order';
import { toOrderJson, toRefundJson } from '../../orders/order-json';
import { refundOrder } from '../../orders/refund-order';
import { shipOrder } from '../../orders/ship-order';
import { isUuid } from '../../../lib/ids/is-uuid';
import { NotFoundError } from '../../core/domain-errors';
import { jsonAnswer } from '../api-answer';
import type { ApiAnswer } from '../idempotency';
import type { PostContext } from '../merchant-api-route';
import { parseInputOrThrow } from '../parse-input-or-throw';
import { RefundRequest, ShipmentRequest } from '../schemas';

/** The order id of the path; anything but a UUID cannot be an order (404, like another merchant's). */
function orderIdOrThrow(orderId: string): string {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  return orderId;
}

export async function closeOrderHandler({ deps, merchant }: PostContext, orderId: string): Promise<ApiAnswer> {
  const order = await closeOrder(deps, { merchantId: merchant.id, orderId: orderIdOrThrow(orderId) });
  return jsonAnswer(200, toOrderJson(order, deps.appUrl));
}

export async function refundOrderHandler(
  { deps, merchant, body, idempotencyKey }: PostContext,
  orderId: string,
): Promise<ApiAnswer> {
  const id = orderIdOrThrow(orderId);
  const input = parseInputOrThrow(RefundRequest, body);
  const refund = await refundOrder(deps, {
    merchantId: merchant.id,
    orderId: id,
    amount: parseMinorUnits(input.amount),
    reason: input.reason || null,
    idempotencyKey,
  });
  return jsonAnswer(201, toRefundJson(refund));
}

export async function shipOrderHandler({ deps, merchant, body }: PostContext, orderId: string): Promise<ApiAnswer> {
  const id = orderIdOrThrow(orderId);
  const input = parseInputOrThrow(ShipmentRequest, body);
  const order = await shipOrder(deps, {
    merchantId: merchant.id,
    orderId: id,
    carrier: input.carrier,
    trackingNumber: input.tracking_number,
  });
  return jsonAnswer(200, toOrderJson(order, deps.appUrl));
}
