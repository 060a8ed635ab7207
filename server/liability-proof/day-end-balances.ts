// Every customer wallet and merchant balance of a currency as it stood at an instant (a
// Shanghai day's end): the balance_after of the account's last posted posting before it,
// found by walking each account's (account_id, account_seq) index back, as getBalance does.
// Accounts opened after the instant are not in it. Postings are append-only and stamped on
// the database clock, so a day that has ended always reads the same: the tree can be rebuilt
// from the ledger at any later time instead of being stored.
import 'server-only';
import type { DbClient } from '../db';

export type AccountBalance = { accountId: string; balance: bigint };

export class NegativeLiabilityError extends Error {
  constructor(accountId: string, balance: bigint) {
    super(`Liability account ${accountId} stood at ${balance} (below zero) at the day's end`);
  }
}

export async function liabilitiesAt(db: DbClient, currency: string, end: Date): Promise<AccountBalance[]> {
  const rows = await db.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT a.id::text AS id,
           coalesce((SELECT p.balance_after FROM ledger_postings p
                     WHERE p.account_id = a.id AND p.account_seq IS NOT NULL AND p.created_at < ${end}
                     ORDER BY p.account_seq DESC LIMIT 1), 0)::bigint AS balance
    FROM ledger_accounts a
    WHERE a.currency = ${currency} AND a.kind IN ('USER_WALLET', 'MERCHANT_BALANCE') AND a.created_at < ${end}`;
  return rows.map((r) => {
    const balance = BigInt(r.balance);
    // The database refuses an overdrawn owner's account; a negative one would be hidden debt.
    if (balance < 0n) throw new NegativeLiabilityError(r.id, balance);
    return { accountId: r.id, balance };
  });
}
