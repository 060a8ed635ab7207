// Checks every invariant of the stored ledger with plain SQL, in one REPEATABLE READ
// snapshot (so it may run while transfers are being written: each committed state must
// satisfy all of them). Used by the integration tests, the benchmark and the admin page.
//
// Rules (sign convention of ledger/: posting amount + = credit, − = debit):
//   zero_sum_postings   posted postings sum to zero per currency
//   zero_sum_balances   cached balances sum to zero per currency (and pending debits = pending credits)
//   entry_balanced      the postings of every entry sum to zero per currency, pending and posted apart
//   posting_sane        no zero posting; a posting's currency is its account's currency
//   cached_balance      balance = Σ non-pending postings of the account
//   cached_pending      pending_debits / pending_credits = Σ pending postings of entries still PENDING
//   no_overdraft        an account that may not go negative has balance − pending_debits ≥ 0
//   account_sequence    account_seq is 1..n per account over its posted postings (no gap, no
//                       duplicate, none missing), balance_after is the running sum of posted
//                       amounts, and pending postings carry neither
//
// Every query is one pass over the tables (hash aggregates, one window sort, no per-row
// lookups): measured about 0.5 s at 100k postings and 1-1.5 s at 320k on 2 busy cores. Each rule reports at
// most SAMPLE_LIMIT offending rows plus how many there are in all.
import 'server-only';
import type { DbClient } from '../db';
import { isRootClient } from './ledger-db';

export type InvariantViolation = { rule: string; detail: string };
export type InvariantReport = { ok: boolean; violations: InvariantViolation[] };

const SAMPLE_LIMIT = 10;

type Row = Record<string, string | null> & { total: string };

type Check = { rule: string; sql: string; describe: (row: Row) => string };

// Each query returns the offending rows (text columns) with `total` = count of all of them.
const CHECKS: readonly Check[] = [
  {
    rule: 'zero_sum_postings',
    sql: `
      SELECT currency, SUM(amount)::text AS sum, COUNT(*) OVER ()::text AS total
      FROM ledger_postings
      WHERE NOT pending
      GROUP BY currency
      HAVING SUM(amount) <> 0`,
    describe: (r) => `posted postings in ${r.currency} sum to ${r.sum}, not 0`,
  },
  {
    rule: 'zero_sum_balances',
    sql: `
      SELECT currency, SUM(balance)::text AS balance_sum,
             SUM(pending_debits)::text AS pending_debits, SUM(pending_credits)::text AS pending_credits,
             COUNT(*) OVER ()::text AS total
      FROM ledger_accounts
      GROUP BY currency
      HAVING SUM(balance) <> 0 OR SUM(pending_debits) <> SUM(pending_credits)`,
    describe: (r) =>
      `accounts in ${r.currency}: balances sum to ${r.balance_sum} (must be 0); ` +
      `pending debits ${r.pending_debits} vs pending credits ${r.pending_credits} (must be equal)`,
  },
  {
    rule: 'entry_balanced',
    sql: `
      SELECT entry_id::text, currency, pending::text, SUM(amount)::text AS sum, COUNT(*)::text AS postings,
             COUNT(*) OVER ()::text AS total
      FROM ledger_postings
      GROUP BY entry_id, currency, pending
      HAVING SUM(amount) <> 0`,
    describe: (r) =>
      `entry ${r.entry_id}: ${r.postings} ${r.pending === 'true' ? 'pending' : 'posted'} posting(s) in ${r.currency} sum to ${r.sum}`,
  },
  {
    rule: 'posting_sane',
    sql: `
      SELECT p.id::text, p.entry_id::text, p.amount::text, p.currency, a.code, a.currency AS account_currency,
             COUNT(*) OVER ()::text AS total
      FROM ledger_postings p
      LEFT JOIN ledger_accounts a ON a.id = p.account_id
      WHERE p.amount = 0 OR a.id IS NULL OR a.currency <> p.currency`,
    describe: (r) =>
      r.code === null
        ? `posting ${r.id} (entry ${r.entry_id}) has no account`
        : `posting ${r.id} (entry ${r.entry_id}) on ${r.code}/${r.account_currency}: amount ${r.amount} ${r.currency}`,
  },
  {
    rule: 'cached_balance_and_pending',
    sql: `
      WITH posted AS (
        SELECT account_id, SUM(amount) AS sum
        FROM ledger_postings
        WHERE NOT pending
        GROUP BY account_id
      ), held AS (
        SELECT p.account_id,
               COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0), 0) AS debits,
               COALESCE(SUM(p.amount) FILTER (WHERE p.amount > 0), 0) AS credits
        FROM ledger_postings p
        JOIN journal_entries e ON e.id = p.entry_id AND e.status::text = 'PENDING'
        WHERE p.pending
        GROUP BY p.account_id
      )
      SELECT a.code, a.currency,
             a.balance::text, COALESCE(posted.sum, 0)::text AS posted_sum,
             a.pending_debits::text, COALESCE(held.debits, 0)::text AS held_debits,
             a.pending_credits::text, COALESCE(held.credits, 0)::text AS held_credits,
             COUNT(*) OVER ()::text AS total
      FROM ledger_accounts a
      LEFT JOIN posted ON posted.account_id = a.id
      LEFT JOIN held ON held.account_id = a.id
      WHERE a.balance <> COALESCE(posted.sum, 0)
         OR a.pending_debits <> COALESCE(held.debits, 0)
         OR a.pending_credits <> COALESCE(held.credits, 0)`,
    describe: (r) =>
      `${r.code}/${r.currency}: cached balance ${r.balance} vs Σ postings ${r.posted_sum}; ` +
      `pending_debits ${r.pending_debits} vs held ${r.held_debits}; pending_credits ${r.pending_credits} vs held ${r.held_credits}`,
  },
  {
    rule: 'no_overdraft',
    sql: `
      SELECT code, currency, balance::text, pending_debits::text, pending_credits::text, may_go_negative::text,
             COUNT(*) OVER ()::text AS total
      FROM ledger_accounts
      WHERE (NOT may_go_negative AND balance - pending_debits < 0)
         OR pending_debits < 0 OR pending_credits < 0`,
    describe: (r) =>
      `${r.code}/${r.currency} (may_go_negative=${r.may_go_negative}): balance ${r.balance}, ` +
      `pending debits ${r.pending_debits}, pending credits ${r.pending_credits}`,
  },
  {
    // One sort of the account's postings by sequence: position and running sum must match.
    // Rows without a sequence sort last and are flagged (a posted posting must have one);
    // pending postings carry neither a sequence nor a balance_after.
    rule: 'account_sequence',
    sql: `
      SELECT a.code, a.currency, s.id::text, s.account_seq::text, s.rn::text, s.balance_after::text, s.running::text,
             s.pending::text, COUNT(*) OVER ()::text AS total
      FROM (
        SELECT id, account_id, account_seq, balance_after, pending,
               row_number() OVER w AS rn,
               SUM(CASE WHEN pending THEN 0 ELSE amount END) OVER (w ROWS UNBOUNDED PRECEDING) AS running
        FROM ledger_postings
        WHERE NOT pending OR account_seq IS NOT NULL OR balance_after IS NOT NULL
        WINDOW w AS (PARTITION BY account_id ORDER BY account_seq NULLS LAST)
      ) s
      JOIN ledger_accounts a ON a.id = s.account_id
      WHERE s.account_seq IS DISTINCT FROM s.rn
         OR s.balance_after IS DISTINCT FROM s.running
         OR s.pending`,
    describe: (r) =>
      r.pending === 'true'
        ? `${r.code}/${r.currency}: pending posting ${r.id} has account_seq ${r.account_seq ?? 'NULL'} / balance_after ${r.balance_after ?? 'NULL'}`
        : r.account_seq === null
          ? `${r.code}/${r.currency}: posted posting ${r.id} has no account_seq`
          : `${r.code}/${r.currency}: posting ${r.id} has account_seq ${r.account_seq} at position ${r.rn}; ` +
            `balance_after ${r.balance_after ?? 'NULL'} vs running sum ${r.running}`,
  },
];

async function runChecks(q: DbClient): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const check of CHECKS) {
    const rows = await q.$queryRawUnsafe<Row[]>(`SELECT * FROM (${check.sql}) v LIMIT ${SAMPLE_LIMIT}`);
    for (const row of rows) violations.push({ rule: check.rule, detail: check.describe(row) });
    const total = Number(rows[0]?.total ?? 0);
    if (total > rows.length) {
      violations.push({ rule: check.rule, detail: `… and ${total - rows.length} more violation(s) of ${check.rule}` });
    }
  }
  return violations;
}

/**
 * Checks every ledger invariant in one consistent snapshot. Pass the Prisma client (the
 * checks then run in their own read-only REPEATABLE READ transaction) or a transaction
 * client (they run in the caller's transaction and see its snapshot).
 */
export async function checkLedgerInvariants(db: DbClient): Promise<InvariantReport> {
  let violations: InvariantViolation[];
  // Its own transaction, not inTransaction (server/core, which builds on this folder): it only
  // reads, and a READ ONLY REPEATABLE READ snapshot meets no serialization failure or
  // deadlock, so there is nothing to retry. in-transaction-only.test.ts names this exception.
  if (isRootClient(db)) {
    violations = await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        // Room for the hash aggregates and the self-join to stay in memory (this transaction only).
        await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
        return runChecks(tx);
      },
      { maxWait: 30_000, timeout: 300_000 },
    );
  } else {
    violations = await runChecks(db);
  }
  return { ok: violations.length === 0, violations };
}

/** Formats a report for a test failure or a log line. */
export function formatInvariantReport(report: InvariantReport): string {
  if (report.ok) return 'ledger invariants: ok';
  return ['ledger invariants violated:', ...report.violations.map((v) => `  [${v.rule}] ${v.detail}`)].join('\n');
}

/**
 * Σ balance and Σ posted postings per currency, read in one statement (one snapshot).
 * A cheap check to run repeatedly while transfers are in flight: both must be 0.
 */
export async function ledgerTotals(
  db: DbClient,
): Promise<{ currency: string; balances: bigint; postings: bigint; accounts: number }[]> {
  const rows = await db.$queryRawUnsafe<{ currency: string; balances: string; postings: string; accounts: string }[]>(`
    SELECT c.currency,
           COALESCE((SELECT SUM(balance) FROM ledger_accounts a WHERE a.currency = c.currency), 0)::text AS balances,
           COALESCE((SELECT SUM(amount) FROM ledger_postings p WHERE p.currency = c.currency AND NOT p.pending), 0)::text AS postings,
           (SELECT COUNT(*) FROM ledger_accounts a WHERE a.currency = c.currency)::text AS accounts
    FROM (SELECT DISTINCT currency FROM ledger_accounts) c
    ORDER BY c.currency`);
  return rows.map((r) => ({
    currency: r.currency,
    balances: BigInt(r.balances),
    postings: BigInt(r.postings),
    accounts: Number(r.accounts),
  }));
}
