// The order a checkout is about to pay, with what the payment needs of its merchant: one
// unlocked read (the payment's SQL function locks and checks the row again). An order's
// amount, currency and merchant never change (orders_guard), so what is prepared from them
// stays true; its status is decided on the locked row.
import 'server-only';
import type { Db } from '../db';
import type { Order } from '../generated/prisma/client';

export type OrderForPayment = Order & {
  merchant: { userId: string; feeRateBps: number | null; shopName: string; webhookUrl: string | null };
};

type Row = Order & { merchantUserId: string; feeRateBps: number | null; shopName: string; webhookUrl: string | null };

export async function readOrderForPayment(db: Db, orderId: string): Promise<OrderForPayment | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT o.id, o.merchant_id AS "merchantId", o.merchant_order_no AS "merchantOrderNo", o.amount, o.currency,
           o.subject, o.notify_url AS "notifyUrl", o.return_url AS "returnUrl", o.status::text AS status,
           o.expires_at AS "expiresAt", o.payer_user_id AS "payerUserId",
           o.payment_method::text AS "paymentMethod", o.payment_operation_id AS "paymentOperationId",
           o.merchant_fee AS "merchantFee", o.refunded_amount AS "refundedAmount", o.paid_at AS "paidAt",
           o.closed_at AS "closedAt", o.shipped_at AS "shippedAt", o.carrier, o.tracking_number AS "trackingNumber",
           o.created_at AS "createdAt", o.updated_at AS "updatedAt",
           m.user_id AS "merchantUserId", m.fee_rate_bps AS "feeRateBps", m.shop_name AS "shopName",
           m.webhook_url AS "webhookUrl"
      FROM orders o JOIN merchants m ON m.id = o.merchant_id
     WHERE o.id = ${orderId}::uuid`;
  if (!row) return null;
  const { merchantUserId, feeRateBps, shopName, webhookUrl, ...order } = row;
  return { ...order, merchant: { userId: merchantUserId, feeRateBps, shopName, webhookUrl } };
}
