// The ledger's side of a day, read with two set-based queries (no per-line round trips):
// the operations the bank lines name, with what their entries moved on the bank accounts,
// and every entry that moved the reserve during the day.
import 'server-only';
import { IN_TRANSIT_ACCOUNT, RESERVE_ACCOUNT } from '@/ledger';
import type { Tx } from '../db';
import type { LedgerItem, OperationSide } from './classify-statement';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of the reserve and in-transit accounts of the currency (either may not exist yet). */
export async function bankAccountIds(tx: Tx, currency: string): Promise<{ reserve: string | null; all: string[] }> {
  const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
    SELECT id::text, code FROM ledger_accounts
    WHERE currency = ${currency} AND code IN (${RESERVE_ACCOUNT}, ${IN_TRANSIT_ACCOUNT})`;
  return { reserve: rows.find((r) => r.code === RESERVE_ACCOUNT)?.id ?? null, all: rows.map((r) => r.id) };
}

/** The operations whose ids the bank lines carry as references, keyed by id. */
export async function loadOperations(
  tx: Tx,
  references: readonly string[],
  bankAccounts: string[],
): Promise<Map<string, OperationSide>> {
  const ids = [...new Set(references.filter((r) => UUID.test(r)).map((r) => r.toLowerCase()))];
  const out = new Map<string, OperationSide>();
  if (ids.length === 0) return out;
  const rows = await tx.$queryRaw<
    {
      id: string;
      kind: string;
      status: OperationSide['status'];
      ledger_entry_id: string | null;
      reserve_amount: bigint | null;
      booked_at: Date | null;
    }[]
  >`
    SELECT o.id::text, o.kind::text, o.status::text AS status, o.ledger_entry_id::text,
           m.amount AS reserve_amount, m.booked_at
    FROM unnest(${ids}::uuid[]) AS r(id)
    JOIN wallet_operations o ON o.id = r.id
    LEFT JOIN LATERAL (
      SELECT (-sum(p.amount))::bigint AS amount, max(p.created_at) AS booked_at
      FROM ledger_postings p
      WHERE p.entry_id = o.ledger_entry_id AND NOT p.pending AND p.account_id = ANY(${bankAccounts}::uuid[])
    ) m ON o.ledger_entry_id IS NOT NULL`;
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      kind: r.kind,
      status: r.status,
      ledgerEntryId: r.ledger_entry_id,
      reserveAmount: r.ledger_entry_id !== null && r.reserve_amount !== null ? BigInt(r.reserve_amount) : null,
      ledgerBookedAt: r.booked_at,
    });
  }
  return out;
}

/** Every posted entry that moved the reserve in [start, end), with its operation when it has one. */
export async function loadLedgerItems(tx: Tx, reserveId: string | null, start: Date, end: Date): Promise<LedgerItem[]> {
  if (reserveId === null) return [];
  // A posting's created_at follows its account_seq (read under the account's lock), so the
  // day is a range of the reserve's sequence: found by walking its (account_id, account_seq)
  // index back from the newest posting, as getBalance does, instead of scanning all history.
  const rows = await tx.$queryRaw<
    {
      entry_id: string;
      kind: string;
      operation_id: string | null;
      operation_kind: string | null;
      operation_status: string | null;
      amount: bigint;
      booked_at: Date;
    }[]
  >`
    WITH bounds AS (
      SELECT
        coalesce((SELECT account_seq FROM ledger_postings
                  WHERE account_id = ${reserveId}::uuid AND account_seq IS NOT NULL AND created_at < ${start}
                  ORDER BY account_seq DESC LIMIT 1), 0) AS after_seq,
        coalesce((SELECT account_seq FROM ledger_postings
                  WHERE account_id = ${reserveId}::uuid AND account_seq IS NOT NULL AND created_at < ${end}
                  ORDER BY account_seq DESC LIMIT 1), 0) AS last_seq
    ), moved AS (
      SELECT p.entry_id, (-sum(p.amount))::bigint AS amount, min(p.created_at) AS booked_at
      FROM ledger_postings p, bounds b
      WHERE p.account_id = ${reserveId}::uuid AND p.account_seq > b.after_seq AND p.account_seq <= b.last_seq
      GROUP BY p.entry_id
    )
    SELECT m.entry_id::text, e.kind, o.id::text AS operation_id, o.kind::text AS operation_kind, o.status::text AS operation_status,
           m.amount, m.booked_at
    FROM moved m
    JOIN journal_entries e ON e.id = m.entry_id
    LEFT JOIN wallet_operations o ON o.ledger_entry_id = m.entry_id`;
  return rows.map((r) => ({
    entryId: r.entry_id,
    kind: r.kind,
    operationId: r.operation_id,
    operationKind: r.operation_kind,
    operationStatus: r.operation_status,
    amount: BigInt(r.amount),
    bookedAt: r.booked_at,
  }));
}
