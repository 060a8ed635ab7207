// The order a checkout is about to pay, with what the payment needs of its merchant, read in
// the same statement as the payer's PIN row: one unlocked read (the payment's SQL function
// locks and checks the order again). An order's amount, currency and merchant never change
// (orders_guard), so what is prepared from them stays true; its status is decided on the
// locked row.
import 'server-only';
import type { Db } from '../db';
import type { Order } from '../generated/prisma/client';
import { pinRowColumns, type PinRow } from '../pin/verify-payment-pin';
import { orderColumns } from './order-columns';

export type OrderForPayment = Order & {
  merchant: { userId: string; feeRateBps: number | null; shopName: string; webhookUrl: string | null };
};

type OrderRow = Order & {
  merchantUserId: string;
  feeRateBps: number | null;
  shopName: string;
  webhookUrl: string | null;
};
/** The payer's PIN columns, and the order's (all null when there is no such order). */
type Row = PinRow & (OrderRow | { [K in keyof OrderRow]: null });

/** The payer's PIN row (undefined: no such user) and the order (null: no such order). */
export async function readOrderForPayment(
  db: Db,
  payerId: string,
  orderId: string,
): Promise<{ pin: PinRow | undefined; order: OrderForPayment | null }> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${pinRowColumns('u')}, ${orderColumns('o')},
           m.user_id AS "merchantUserId", m.fee_rate_bps AS "feeRateBps", m.shop_name AS "shopName",
           m.webhook_url AS "webhookUrl"
      FROM users u
      LEFT JOIN orders o ON o.id = ${orderId}::uuid
      LEFT JOIN merchants m ON m.id = o.merchant_id
     WHERE u.id = ${payerId}::uuid`;
  if (!row) return { pin: undefined, order: null };
  const { pin_hash, pin_salt, failed_pin_count, pin_locked_until, locked, ...rest } = row;
  const pin = { pin_hash, pin_salt, failed_pin_count, pin_locked_until, locked };
  if (rest.id === null) return { pin, order: null };
  const { merchantUserId, feeRateBps, shopName, webhookUrl, ...order } = rest as OrderRow;
  return { pin, order: { ...order, merchant: { userId: merchantUserId, feeRateBps, shopName, webhookUrl } } };
}
