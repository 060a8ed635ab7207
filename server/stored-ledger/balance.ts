// Balances: now from the account row (kept in the same transaction as the postings), or at
// a past instant from the postings: posted = balance_after of the account's last posted
// posting created at or before the instant; pending = holds created by then and not yet
// posted or voided by then. Amounts are the raw credit-normal sum (+ credit, − debit).
import 'server-only';
import { AccountNotFoundError, availableBalance, parseCurrency, type Currency } from '@/ledger';
import type { DbClient } from '../db';
import type { Balance } from './types';

type Row = { posted: bigint; pending_debits: bigint; pending_credits: bigint };

/** Throws AccountNotFoundError when the account does not exist. */
export async function getBalance(db: DbClient, code: string, currency: Currency, at?: Date): Promise<Balance> {
  parseCurrency(currency);
  let rows: Row[];
  if (at === undefined) {
    rows = await db.$queryRaw<Row[]>`
      SELECT balance AS posted, pending_debits, pending_credits
      FROM ledger_accounts WHERE code = ${code} AND currency = ${currency}`;
  } else {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new TypeError('at must be a valid Date');
    rows = await db.$queryRaw<Row[]>`
      SELECT
        coalesce((SELECT p.balance_after FROM ledger_postings p
                  WHERE p.account_id = a.id AND p.account_seq IS NOT NULL AND p.created_at <= ${at}
                  ORDER BY p.account_seq DESC LIMIT 1), 0)::bigint AS posted,
        coalesce(h.debits, 0)::bigint AS pending_debits,
        coalesce(h.credits, 0)::bigint AS pending_credits
      FROM ledger_accounts a
      LEFT JOIN LATERAL (
        SELECT sum(-p.amount) FILTER (WHERE p.amount < 0) AS debits, sum(p.amount) FILTER (WHERE p.amount > 0) AS credits
        FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
        WHERE p.account_id = a.id AND p.account_seq IS NULL AND p.pending AND p.created_at <= ${at}
          AND (e.resolved_at IS NULL OR e.resolved_at > ${at})
      ) h ON true
      WHERE a.code = ${code} AND a.currency = ${currency}`;
  }
  const row = rows[0];
  if (!row) throw new AccountNotFoundError(`${code} (${currency})`, { details: { account: code, currency } });
  const posted = BigInt(row.posted);
  const pendingDebits = BigInt(row.pending_debits);
  const pendingCredits = BigInt(row.pending_credits);
  return { currency, posted, pendingDebits, pendingCredits, available: availableBalance(posted, pendingDebits) };
}
