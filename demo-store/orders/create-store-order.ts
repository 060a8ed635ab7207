// Writes a new store order (CREATED) for a priced cart. Its number, the merchant_order_no the
// wallet sees, is DS-<Shanghai date>-<six-digit sequence>.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool';
import { orderSubject, type PricedLine } from '../cart';
import { STORE_ORDER_COLUMNS, toStoreOrder, type StoreOrder } from './store-order';

export async function createStoreOrder(q: Queryable, lines: PricedLine[]): Promise<StoreOrder> {
  if (lines.length === 0) throw new Error('an empty cart cannot be ordered');
  const items = lines.map((l) => ({
    product_id: l.product.id,
    name: l.product.name,
    unit_price: l.product.price.toString(),
    quantity: l.quantity,
  }));
  const amount = lines.reduce((sum, l) => sum + l.amount, 0n);
  const { rows } = await q.query(
    `INSERT INTO demo_store.orders (id, order_no, items, amount, subject)
     VALUES ($1,
             'DS-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('demo_store.order_no_seq')::text, 6, '0'),
             $2, $3, $4)
     RETURNING ${STORE_ORDER_COLUMNS}`,
    [randomUUID(), JSON.stringify(items), amount.toString(), orderSubject(lines)],
  );
  return toStoreOrder(rows[0]);
}
