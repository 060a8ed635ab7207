// The worker's share of requests: debits nobody authorised in time fail EXPIRED, and payouts
// held back by DELAY_NOTICE are paid out when their time comes. Rows are claimed with
// FOR UPDATE SKIP LOCKED, so several app instances can run the worker side by side.
import 'server-only';
import type { BankPool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { expireDebit } from './authorise-debit';
import { completePayout } from './create-payout';
import type { RequestRow } from './request-row';

const BATCH = 50;

/** Fails the debits past their authorisation window; returns how many. */
export function expireOverdueDebits(pool: BankPool): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      `SELECT * FROM sandbox_bank.requests
       WHERE status = 'AWAITING_AUTHORISATION' AND expires_at <= now()
       ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [BATCH],
    );
    for (const debit of rows) await expireDebit(client, debit);
    return rows.length;
  });
}

/** Pays out the delayed payouts that are due; returns how many. */
export function processDuePayouts(pool: BankPool): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      `SELECT * FROM sandbox_bank.requests
       WHERE status = 'PROCESSING' AND process_at <= now()
       ORDER BY process_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [BATCH],
    );
    // The delay was the fault; the notice of the outcome goes out at once.
    for (const payout of rows) await completePayout(client, payout, null);
    return rows.length;
  });
}
