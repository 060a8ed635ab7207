// How a payment request reads, with its state decided on the database's clock: an OPEN request
// past expires_at is EXPIRED (nothing writes that; the paying UPDATE checks the same clock).
import 'server-only';
import type { DbClient } from '../../db';
import { maskName } from '../../../lib/text/mask';
import type { ClosedRequestState } from '../receive-errors';

export type PaymentRequestState = 'OPEN' | ClosedRequestState;

export type PaymentRequestView = {
  id: string;
  token: string;
  requesterId: string;
  requesterMaskedName: string;
  amount: bigint;
  currency: string;
  memo: string | null;
  state: PaymentRequestState;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
  payerId: string | null;
  payerMaskedName: string | null;
  operationId: string | null;
};

type Row = {
  id: string;
  token: string;
  requester_id: string;
  requester_name: string;
  amount: bigint;
  currency: string;
  memo: string | null;
  state: PaymentRequestState;
  expires_at: Date;
  created_at: Date;
  paid_at: Date | null;
  payer_id: string | null;
  payer_name: string | null;
  operation_id: string | null;
};

function toView(row: Row): PaymentRequestView {
  return {
    id: row.id,
    token: row.token,
    requesterId: row.requester_id,
    requesterMaskedName: maskName(row.requester_name),
    amount: row.amount,
    currency: row.currency,
    memo: row.memo,
    state: row.state,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    payerId: row.payer_id,
    payerMaskedName: row.payer_name === null ? null : maskName(row.payer_name),
    operationId: row.operation_id,
  };
}

/** The request behind a shared link, or null. */
export async function findPaymentRequestByToken(db: DbClient, token: string): Promise<PaymentRequestView | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id, r.token, r.requester_id, u.display_name AS requester_name, r.amount, r.currency, r.memo,
           CASE WHEN r.status = 'OPEN' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status::text END AS state,
           r.expires_at, r.created_at, r.paid_at, r.payer_id, p.display_name AS payer_name, r.operation_id
      FROM payment_requests r
      JOIN users u ON u.id = r.requester_id
      LEFT JOIN users p ON p.id = r.payer_id
     WHERE r.token = ${token}`;
  return rows[0] ? toView(rows[0]) : null;
}

/** 我的收款单: the newest first. */
export async function listMyPaymentRequests(db: DbClient, userId: string, limit = 50): Promise<PaymentRequestView[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id, r.token, r.requester_id, u.display_name AS requester_name, r.amount, r.currency, r.memo,
           CASE WHEN r.status = 'OPEN' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status::text END AS state,
           r.expires_at, r.created_at, r.paid_at, r.payer_id, p.display_name AS payer_name, r.operation_id
      FROM payment_requests r
      JOIN users u ON u.id = r.requester_id
      LEFT JOIN users p ON p.id = r.payer_id
     WHERE r.requester_id = ${userId}::uuid
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT ${limit}`;
  return rows.map(toView);
}
