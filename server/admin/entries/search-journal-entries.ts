// Search every journal entry of the ledger: by entry id, kind, status, user (their wallet and
// merchant balance accounts), amount (any posting of exactly that size) and Shanghai days.
// Newest first by id: ids are UUIDv7 (time-ordered), so the primary key orders the pages and
// no count of the whole table is needed (a page says whether another follows).
import 'server-only';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import type { Db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { PAGE_SIZE } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export const ENTRY_STATUSES = ['POSTED', 'PENDING', 'VOIDED'] as const;
export type EntryStatusFilter = (typeof ENTRY_STATUSES)[number];

export type EntryQuery = {
  entryId?: string;
  kind?: string;
  status?: EntryStatusFilter;
  /** Email of the user whose accounts the entry touches. */
  userEmail?: string;
  /** Minor units; matches an entry with a posting of exactly this size (debit or credit). */
  amount?: bigint;
  from?: Date;
  to?: Date;
  page: number;
};

export type EntryRow = {
  id: string;
  kind: string;
  status: string;
  currency: string;
  /** Σ credits of the entry: what it moved. */
  amount: bigint;
  accountCodes: string[];
  /** A hold: its postings reserve money (pending) rather than move it. */
  isHold: boolean;
  createdAt: Date;
};

export type EntrySearchResult = {
  items: EntryRow[];
  page: number;
  hasNext: boolean;
  /** The email matched no user (so nothing can match). */
  unknownUser: boolean;
};

type Row = {
  id: string;
  kind: string;
  status: string;
  currency: string | null;
  amount: bigint | null;
  codes: string[] | null;
  is_hold: boolean | null;
  created_at: Date;
};

export async function searchJournalEntries(db: Db, actorId: string, query: EntryQuery): Promise<EntrySearchResult> {
  await requireAdminOrThrow(db, actorId);
  const conditions: Prisma.Sql[] = [];
  if (query.entryId) conditions.push(Prisma.sql`e.id = ${query.entryId}::uuid`);
  if (query.kind) conditions.push(Prisma.sql`e.kind = ${query.kind}`);
  if (query.status) conditions.push(Prisma.sql`e.status = ${query.status}`);
  if (query.from) conditions.push(Prisma.sql`e.created_at >= ${query.from}`);
  if (query.to) conditions.push(Prisma.sql`e.created_at < ${query.to}`);
  if (query.amount !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM ledger_postings p WHERE p.entry_id = e.id AND (p.amount = ${query.amount} OR p.amount = ${-query.amount}))`,
    );
  }
  if (query.userEmail) {
    const user = await db.user.findFirst({
      where: { email: { equals: query.userEmail, mode: 'insensitive' } },
      select: { id: true, merchant: { select: { id: true } } },
    });
    if (!user) return { items: [], page: query.page, hasNext: false, unknownUser: true };
    const codes = [userWalletCode(user.id), ...(user.merchant ? [merchantBalanceCode(user.merchant.id)] : [])];
    const accounts = await db.ledgerAccount.findMany({ where: { code: { in: codes } }, select: { id: true } });
    if (accounts.length === 0) return { items: [], page: query.page, hasNext: false, unknownUser: false };
    const ids = accounts.map((a) => a.id);
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM ledger_postings p WHERE p.entry_id = e.id AND p.account_id = ANY(${ids}::uuid[]))`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.id::text AS id, e.kind, e.status, e.created_at, s.currency, s.amount, s.codes, s.is_hold
    FROM journal_entries e
    LEFT JOIN LATERAL (
      SELECT min(p.currency) AS currency,
             coalesce(sum(p.amount) FILTER (WHERE p.amount > 0), 0)::bigint AS amount,
             array_agg(a.code ORDER BY p.amount, a.code) AS codes,
             bool_or(p.pending) AS is_hold
      FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
      WHERE p.entry_id = e.id
    ) s ON true
    ${where}
    ORDER BY e.id DESC
    LIMIT ${PAGE_SIZE + 1} OFFSET ${(query.page - 1) * PAGE_SIZE}`;
  return {
    items: rows.slice(0, PAGE_SIZE).map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      currency: r.currency ?? DEFAULT_CURRENCY,
      amount: BigInt(r.amount ?? 0),
      accountCodes: r.codes ?? [],
      isHold: r.is_hold ?? false,
      createdAt: r.created_at,
    })),
    page: query.page,
    hasNext: rows.length > PAGE_SIZE,
    unknownUser: false,
  };
}
