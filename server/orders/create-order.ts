// A merchant creates an order (merchant API POST /orders): PENDING until paid, closed or
// expired. merchant_order_no is unique per merchant (the database says so too). A frozen
// merchant creates none. Written in one statement of SQL: docs/architecture.md, "Lean paths".
import 'server-only';
import type { Currency } from '@/ledger';
import type { Db } from '../db';
import type { Order } from '../generated/prisma/client';
import { MerchantFrozenError } from '../merchants/merchant-errors';
import { withRetry } from '../stored-ledger';
import { orderColumns } from './order-columns';
import { DuplicateMerchantOrderNoError } from './order-errors';

export type CreateOrderInput = {
  merchantId: string;
  merchantOrderNo: string;
  amount: bigint;
  currency: Currency;
  subject: string;
  notifyUrl: string | null;
  returnUrl: string | null;
  expiresInSeconds: number;
};

export const DEFAULT_EXPIRES_IN_SECONDS = 30 * 60;

type CreatedRow = Order & { frozen: boolean; created: boolean };

/**
 * One statement (no transaction of round trips): the merchant's freeze is read, the order and
 * its CREATED event are written, and a merchant_order_no already used is seen by the unique
 * index (ON CONFLICT), all at once. Expiry on the database clock, like every check of it.
 */
export async function createOrder(db: Db, input: CreateOrderInput): Promise<Order> {
  // Its own transaction: run again whole on a deadlock or serialization failure, as inTransaction would.
  const [row] = await withRetry(() => insertOrder(db, input));
  if (!row) throw new Error(`createOrder: merchant ${input.merchantId} does not exist`);
  if (row.frozen) throw new MerchantFrozenError();
  if (!row.created) throw new DuplicateMerchantOrderNoError();
  const { frozen: _frozen, created: _created, ...order } = row;
  return order;
}

function insertOrder(db: Db, input: CreateOrderInput): Promise<CreatedRow[]> {
  return db.$queryRaw<CreatedRow[]>`
    WITH merchant AS (
      SELECT u.frozen_at IS NOT NULL AS frozen
        FROM merchants m JOIN users u ON u.id = m.user_id WHERE m.id = ${input.merchantId}::uuid
    ), created AS (
      INSERT INTO orders (id, merchant_id, merchant_order_no, amount, currency, subject, notify_url, return_url,
                          expires_at, updated_at)
      SELECT uuidv7(), ${input.merchantId}::uuid, ${input.merchantOrderNo}, ${input.amount}::bigint, ${input.currency},
             ${input.subject}, ${input.notifyUrl}, ${input.returnUrl},
             now() + make_interval(secs => ${input.expiresInSeconds}), now()
        FROM merchant WHERE NOT merchant.frozen
      ON CONFLICT (merchant_id, merchant_order_no) DO NOTHING
      RETURNING *
    ), event AS (
      INSERT INTO order_events (id, order_id, type, detail)
      SELECT uuidv7(), created.id, 'CREATED',
             jsonb_build_object('amount', ${input.amount.toString()}::text, 'currency', ${input.currency}::text)
        FROM created
    )
    SELECT merchant.frozen, created.id IS NOT NULL AS created, ${orderColumns('created')}
      FROM merchant LEFT JOIN created ON true`;
}
