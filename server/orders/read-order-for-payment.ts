// The order a checkout is about to pay, with what the payment needs of its merchant: one
// unlocked read (the payment's SQL function locks and checks the row again). An order's
// amount, currency and merchant never change (orders_guard), so what is prepared from them
// stays true; its status is decided on the locked row.
import 'server-only';
import type { Db } from '../db';
import type { Order } from '../generated/prisma/client';
import { orderColumns } from './order-columns';

export type OrderForPayment = Order & {
  merchant: { userId: string; feeRateBps: number | null; shopName: string; webhookUrl: string | null };
};

type Row = Order & { merchantUserId: string; feeRateBps: number | null; shopName: string; webhookUrl: string | null };

export async function readOrderForPayment(db: Db, orderId: string): Promise<OrderForPayment | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${orderColumns('o')},
           m.user_id AS "merchantUserId", m.fee_rate_bps AS "feeRateBps", m.shop_name AS "shopName",
           m.webhook_url AS "webhookUrl"
      FROM orders o JOIN merchants m ON m.id = o.merchant_id
     WHERE o.id = ${orderId}::uuid`;
  if (!row) return null;
  const { merchantUserId, feeRateBps, shopName, webhookUrl, ...order } = row;
  return { ...order, merchant: { userId: merchantUserId, feeRateBps, shopName, webhookUrl } };
}
