// A store order as the store's pages and use cases see it, and the reads of it.
import 'server-only';
import type { Queryable } from '../db/pool';
import { StoreOrderNotFoundError } from '../errors';
import type { ProductId } from '../catalogue';
import { isUuid } from '../../lib/ids/is-uuid';

export type StoreOrderStatus = 'CREATED' | 'PAID' | 'SHIPPED' | 'CLOSED';

export type StoreOrderItem = { productId: ProductId; name: string; unitPrice: bigint; quantity: number };

export type StoreOrder = {
  id: string;
  orderNo: string;
  items: StoreOrderItem[];
  amount: bigint;
  subject: string;
  status: StoreOrderStatus;
  walletOrderId: string | null;
  checkoutUrl: string | null;
  refundedAmount: bigint;
  paidAt: Date | null;
  shippedAt: Date | null;
  carrier: string | null;
  trackingNo: string | null;
  closedAt: Date | null;
  createdAt: Date;
};

type Row = {
  id: string;
  order_no: string;
  items: { product_id: ProductId; name: string; unit_price: string; quantity: number }[];
  amount: bigint;
  subject: string;
  status: StoreOrderStatus;
  wallet_order_id: string | null;
  checkout_url: string | null;
  refunded_amount: bigint;
  paid_at: Date | null;
  shipped_at: Date | null;
  carrier: string | null;
  tracking_no: string | null;
  closed_at: Date | null;
  created_at: Date;
};

export const STORE_ORDER_COLUMNS =
  'id, order_no, items, amount, subject, status, wallet_order_id, checkout_url, refunded_amount, paid_at, shipped_at, carrier, tracking_no, closed_at, created_at';

export function toStoreOrder(r: Row): StoreOrder {
  return {
    id: r.id,
    orderNo: r.order_no,
    items: r.items.map((i) => ({
      productId: i.product_id,
      name: i.name,
      unitPrice: BigInt(i.unit_price),
      quantity: i.quantity,
    })),
    amount: r.amount,
    subject: r.subject,
    status: r.status,
    walletOrderId: r.wallet_order_id,
    checkoutUrl: r.checkout_url,
    refundedAmount: r.refunded_amount,
    paidAt: r.paid_at,
    shippedAt: r.shipped_at,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    closedAt: r.closed_at,
    createdAt: r.created_at,
  };
}

export async function findStoreOrder(q: Queryable, id: string): Promise<StoreOrder | null> {
  if (!isUuid(id)) return null;
  const { rows } = await q.query<Row>(`SELECT ${STORE_ORDER_COLUMNS} FROM demo_store.orders WHERE id = $1`, [id]);
  return rows[0] ? toStoreOrder(rows[0]) : null;
}

export async function findStoreOrderOrThrow(q: Queryable, id: string): Promise<StoreOrder> {
  const order = await findStoreOrder(q, id);
  if (!order) throw new StoreOrderNotFoundError(id);
  return order;
}

/** The newest orders first (the owner page). */
export async function listStoreOrders(q: Queryable, limit = 50): Promise<StoreOrder[]> {
  const { rows } = await q.query<Row>(
    `SELECT ${STORE_ORDER_COLUMNS} FROM demo_store.orders ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toStoreOrder);
}

/** Locks the order with this merchant_order_no for the rest of the transaction. */
export async function lockStoreOrderByNo(q: Queryable, orderNo: string): Promise<StoreOrder | null> {
  const { rows } = await q.query<Row>(
    `SELECT ${STORE_ORDER_COLUMNS} FROM demo_store.orders WHERE order_no = $1 FOR UPDATE`,
    [orderNo],
  );
  return rows[0] ? toStoreOrder(rows[0]) : null;
}
