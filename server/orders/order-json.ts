// The public (merchant API and webhook) shape of an order and a refund: snake_case, amounts
// as integers in minor units (safe: at most 10^15 < 2^53), times as ISO strings.
import 'server-only';
import type { Order, Refund } from '../generated/prisma/client';

export type OrderJson = {
  id: string;
  object: 'order';
  merchant_order_no: string;
  amount: number;
  currency: string;
  subject: string;
  status: Order['status'];
  amount_refunded: number;
  fee: number;
  payment_method: 'balance' | 'online_banking' | null;
  checkout_url: string;
  notify_url: string | null;
  return_url: string | null;
  shipment: { carrier: string; tracking_number: string; shipped_at: string } | null;
  expires_at: string;
  paid_at: string | null;
  closed_at: string | null;
  created_at: string;
};

export type RefundJson = {
  id: string;
  object: 'refund';
  order_id: string;
  amount: number;
  reason: string | null;
  created_at: string;
};

export function checkoutUrl(appUrl: string, orderId: string): string {
  return `${appUrl}/pay/${orderId}`;
}

export function toOrderJson(order: Order, appUrl: string): OrderJson {
  return {
    id: order.id,
    object: 'order',
    merchant_order_no: order.merchantOrderNo,
    amount: Number(order.amount),
    currency: order.currency,
    subject: order.subject,
    status: order.status,
    amount_refunded: Number(order.refundedAmount),
    fee: Number(order.merchantFee),
    payment_method:
      order.paymentMethod === 'BALANCE' ? 'balance' : order.paymentMethod === 'BANK' ? 'online_banking' : null,
    checkout_url: checkoutUrl(appUrl, order.id),
    notify_url: order.notifyUrl,
    return_url: order.returnUrl,
    shipment:
      order.shippedAt && order.carrier && order.trackingNumber
        ? { carrier: order.carrier, tracking_number: order.trackingNumber, shipped_at: order.shippedAt.toISOString() }
        : null,
    expires_at: order.expiresAt.toISOString(),
    paid_at: order.paidAt?.toISOString() ?? null,
    closed_at: order.closedAt?.toISOString() ?? null,
    created_at: order.createdAt.toISOString(),
  };
}

export function toRefundJson(refund: Refund): RefundJson {
  return {
    id: refund.id,
    object: 'refund',
    order_id: refund.orderId,
    amount: Number(refund.amount),
    reason: refund.reason,
    created_at: refund.createdAt.toISOString(),
  };
}
