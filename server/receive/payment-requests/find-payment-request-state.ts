// A request's state on the database's clock, for saying why a conditional UPDATE matched nothing.
import 'server-only';
import type { DbClient } from '../../db';
import type { PaymentRequestState } from './payment-request-view';

type Row = { state: PaymentRequestState };

export async function findPaymentRequestState(db: DbClient, requestId: string): Promise<PaymentRequestState | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT CASE WHEN status = 'OPEN' AND expires_at <= now() THEN 'EXPIRED' ELSE status::text END AS state
      FROM payment_requests WHERE id = ${requestId}::uuid`;
  return rows[0]?.state ?? null;
}

/** The same, only for the requester's own request (another's is not found). */
export async function findPaymentRequestByIdForOwner(
  db: DbClient,
  userId: string,
  requestId: string,
): Promise<PaymentRequestState | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT CASE WHEN status = 'OPEN' AND expires_at <= now() THEN 'EXPIRED' ELSE status::text END AS state
      FROM payment_requests WHERE id = ${requestId}::uuid AND requester_id = ${userId}::uuid`;
  return rows[0]?.state ?? null;
}
