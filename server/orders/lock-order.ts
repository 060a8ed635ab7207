// Locks an order row for the rest of the transaction and reads it, with whether it is still
// open on the database clock (expiry is decided by one clock: the database's).
import 'server-only';
import type { Tx } from '../db';
import type { Order } from '../generated/prisma/client';
import { isUuid } from '../../lib/ids/is-uuid';
import { NotFoundError } from '../core/domain-errors';

export type LockedOrder = { order: Order; openForPayment: boolean };

/** The order, locked; NotFoundError if it does not exist or (with merchantId) is another merchant's. */
export async function lockOrderOrThrow(tx: Tx, orderId: string, merchantId?: string): Promise<LockedOrder> {
  if (!isUuid(orderId)) throw new NotFoundError('Order'); // not a database error (500) for a malformed id
  const [row] = await tx.$queryRaw<{ open: boolean }[]>`
    SELECT (status = 'PENDING' AND expires_at > now()) AS open
    FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError('Order');
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (merchantId !== undefined && order.merchantId !== merchantId) throw new NotFoundError('Order');
  return { order, openForPayment: row.open };
}
