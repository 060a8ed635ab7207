// One journal entry with its postings, for the admin: each posting's account (and whose it
// is), amount, the account's sequence and balance after it, and the operation that made it.
import 'server-only';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { NotFoundError } from '../../core/domain-errors';
import { isUuid } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type EntryPosting = {
  id: string;
  accountCode: string;
  accountKind: string;
  currency: string;
  /** + credit, − debit. */
  amount: bigint;
  pending: boolean;
  accountSeq: bigint | null;
  balanceAfter: bigint | null;
  createdAt: Date;
  /** The user behind a wallet or merchant account (for a link to them). */
  owner: { userId: string; email: string } | null;
};

export type EntryDetail = {
  id: string;
  kind: string;
  status: string;
  idempotencyScope: string;
  idempotencyKey: string | null;
  metadata: Prisma.JsonValue;
  holdId: string | null;
  postedAsId: string | null;
  expiresAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  postings: EntryPosting[];
  operation: { id: string; kind: string; status: string; userId: string } | null;
};

type PostingRow = {
  id: string;
  code: string;
  kind: string;
  currency: string;
  amount: bigint;
  pending: boolean;
  account_seq: bigint | null;
  balance_after: bigint | null;
  created_at: Date;
  owner_id: string | null;
};

export async function getJournalEntryOrThrow(db: Db, actorId: string, entryId: string): Promise<EntryDetail> {
  await requireAdminOrThrow(db, actorId);
  if (!isUuid(entryId)) throw new NotFoundError('Journal entry');
  const entry = await db.journalEntry.findUnique({
    where: { id: entryId },
    include: { postedAs: { select: { id: true } } },
  });
  if (!entry) throw new NotFoundError('Journal entry');
  const postings = await db.$queryRaw<PostingRow[]>`
    SELECT p.id::text AS id, a.code, a.kind, p.currency, p.amount, p.pending, p.account_seq, p.balance_after, p.created_at, a.owner_id
    FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
    WHERE p.entry_id = ${entry.id}::uuid
    ORDER BY p.amount, a.code`;

  // Owners: user:<id>:wallet names a user, merchant:<id>:balance a merchant (→ its user).
  const userIds = new Set<string>();
  const merchantIds = new Set<string>();
  for (const p of postings) {
    if (p.owner_id && p.kind === 'USER_WALLET') userIds.add(p.owner_id);
    if (p.owner_id && p.kind === 'MERCHANT_BALANCE') merchantIds.add(p.owner_id);
  }
  const [users, merchants, operation] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds].filter(isUuid) } }, select: { id: true, email: true } }),
    db.merchant.findMany({
      where: { id: { in: [...merchantIds].filter(isUuid) } },
      select: { id: true, user: { select: { id: true, email: true } } },
    }),
    db.walletOperation.findFirst({
      where: {
        OR: [{ ledgerEntryId: entry.id }, { holdId: entry.id }, ...(entry.holdId ? [{ holdId: entry.holdId }] : [])],
      },
      select: { id: true, kind: true, status: true, userId: true },
    }),
  ]);
  const userById = new Map(users.map((u) => [u.id, { userId: u.id, email: u.email }]));
  const merchantOwner = new Map(merchants.map((m) => [m.id, { userId: m.user.id, email: m.user.email }]));

  return {
    id: entry.id,
    kind: entry.kind,
    status: entry.status,
    idempotencyScope: entry.idempotencyScope,
    idempotencyKey: entry.idempotencyKey,
    metadata: entry.metadata,
    holdId: entry.holdId,
    postedAsId: entry.postedAs?.id ?? null,
    expiresAt: entry.expiresAt,
    resolvedAt: entry.resolvedAt,
    createdAt: entry.createdAt,
    postings: postings.map((p) => {
      const owner = p.owner_id ? (userById.get(p.owner_id) ?? merchantOwner.get(p.owner_id) ?? null) : null;
      return {
        id: p.id,
        accountCode: p.code,
        accountKind: p.kind,
        currency: p.currency,
        amount: BigInt(p.amount),
        pending: p.pending,
        accountSeq: p.account_seq === null ? null : BigInt(p.account_seq),
        balanceAfter: p.balance_after === null ? null : BigInt(p.balance_after),
        createdAt: p.created_at,
        owner,
      };
    }),
    operation,
  };
}
