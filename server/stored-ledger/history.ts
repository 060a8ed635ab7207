// An account's statement: its posted postings, newest first by the per-account sequence,
// with cursor pagination (the cursor is opaque to callers).
import 'server-only';
import { AccountNotFoundError, parseCurrency, type Currency, type EntryKind } from '@/ledger';
import { AppError } from '../core/app-error';
import type { DbClient } from '../db';
import type { HistoryPage } from './types';

export const HISTORY_MAX_LIMIT = 100;
export const HISTORY_DEFAULT_LIMIT = 20;
const MAX_SEQ = 9223372036854775807n;

/** A cursor that this module did not hand out (400 at the HTTP boundary). */
export class InvalidCursorError extends AppError {
  readonly code = 'INVALID_CURSOR' as const;

  constructor() {
    super('Invalid pagination cursor', { field: 'cursor' });
  }
}

type Row = {
  account_id: string;
  entry_id: string | null;
  kind: string | null;
  amount: bigint | null;
  balance_after: bigint | null;
  account_seq: bigint | null;
  created_at: Date | null;
  metadata: Record<string, string> | null;
};

export type HistoryOptions = {
  /** Lines per page: 1 to 100 (larger values are capped), default 20. */
  limit?: number;
  /** nextCursor of the previous page. */
  cursor?: string | null;
};

/** Throws AccountNotFoundError for an unknown account, InvalidCursorError for a bad cursor. */
export async function getAccountHistory(
  db: DbClient,
  code: string,
  currency: Currency,
  options: HistoryOptions = {},
): Promise<HistoryPage> {
  parseCurrency(currency);
  const limit = clampLimit(options.limit);
  const before = options.cursor ? decodeCursor(options.cursor) : MAX_SEQ;
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id::text AS account_id, h.entry_id::text AS entry_id, h.kind, h.amount, h.balance_after, h.account_seq,
           h.created_at, h.metadata
    FROM ledger_accounts a
    LEFT JOIN LATERAL (
      SELECT p.entry_id, e.kind, p.amount, p.balance_after, p.account_seq, p.created_at, e.metadata
      FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
      WHERE p.account_id = a.id AND p.account_seq IS NOT NULL AND p.account_seq < ${before}
      ORDER BY p.account_seq DESC
      LIMIT ${limit + 1}
    ) h ON true
    WHERE a.code = ${code} AND a.currency = ${currency}
    ORDER BY h.account_seq DESC`;
  if (rows.length === 0)
    throw new AccountNotFoundError(`${code} (${currency})`, { details: { account: code, currency } });
  const lines = rows
    .filter((row) => row.account_seq !== null)
    .map((row) => ({
      entryId: row.entry_id!,
      kind: row.kind as EntryKind,
      amount: BigInt(row.amount!),
      balanceAfter: BigInt(row.balance_after!),
      sequence: BigInt(row.account_seq!),
      createdAt: row.created_at!,
      metadata: row.metadata ?? {},
    }));
  const hasMore = lines.length > limit;
  const page = hasMore ? lines.slice(0, limit) : lines;
  const last = page[page.length - 1];
  return { lines: page, nextCursor: hasMore && last ? encodeCursor(last.sequence) : null };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return HISTORY_DEFAULT_LIMIT;
  return Math.min(HISTORY_MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function encodeCursor(sequence: bigint): string {
  return Buffer.from(`s1:${sequence}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): bigint {
  if (typeof cursor !== 'string' || cursor.length > 64) throw new InvalidCursorError();
  const match = /^s1:([1-9]\d{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new InvalidCursorError();
  const sequence = BigInt(match[1]!);
  if (sequence > MAX_SEQ) throw new InvalidCursorError();
  return sequence;
}
