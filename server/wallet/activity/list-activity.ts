// The activity list: a user's own operations and the transfers they received, newest first,
// with filters and keyset (cursor) pagination on (created_at, id).
import 'server-only';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { OperationOutcome } from '../../../lib/activity/operation-outcome';
import { InvalidInputError } from '../../core/domain-errors';
import { OPERATION_PARTIES_INCLUDE, toOperationView, type ActivityKind, type OperationView } from './operation-view';

export const ACTIVITY_DEFAULT_LIMIT = 20;
export const ACTIVITY_MAX_LIMIT = 100;

export type ActivityFilter = {
  kind?: ActivityKind | undefined;
  /** As the person reads it: 失败 leaves out what was cancelled at the bank or expired (已取消 / 已关闭). */
  status?: OperationOutcome | undefined;
  /** Inclusive lower bound and exclusive upper bound. */
  from?: Date | undefined;
  to?: Date | undefined;
};

export type ActivityPage = { items: OperationView[]; nextCursor: string | null };

export async function listActivity(
  db: Db,
  viewerId: string,
  filter: ActivityFilter,
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
): Promise<ActivityPage> {
  const limit = Math.min(Math.max(1, Math.floor(page.limit ?? ACTIVITY_DEFAULT_LIMIT)), ACTIVITY_MAX_LIMIT);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.walletOperation.findMany({
    where: { AND: [visibleTo(viewerId, filter.kind), filterWhere(filter), after ? before(after) : {}] },
    include: OPERATION_PARTIES_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const names = await counterpartyNames(
    db,
    rows.slice(0, limit).map((r) => r.counterpartyUserId),
  );
  const items = rows
    .slice(0, limit)
    .map((r) => toOperationView(r, viewerId, r.counterpartyUserId ? (names.get(r.counterpartyUserId) ?? null) : null));
  const last = rows[limit - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Own operations, plus transfers received (only once they succeeded). */
export function visibleTo(viewerId: string, kind?: ActivityKind): Prisma.WalletOperationWhereInput {
  const received: Prisma.WalletOperationWhereInput = {
    counterpartyUserId: viewerId,
    kind: 'TRANSFER',
    status: 'SUCCEEDED',
  };
  switch (kind) {
    case undefined:
      return { OR: [{ userId: viewerId }, received] };
    case 'TRANSFER_IN':
      return received;
    case 'TRANSFER_OUT':
      return { userId: viewerId, kind: 'TRANSFER' };
    default:
      return { userId: viewerId, kind };
  }
}

/** The rows whose outcome (lib/activity/operation-outcome.ts) is the one asked for. */
export function outcomeWhere(outcome: OperationOutcome): Prisma.WalletOperationWhereInput {
  switch (outcome) {
    case 'PENDING':
    case 'SUCCEEDED':
      return { status: outcome };
    case 'CANCELLED':
      return { status: 'FAILED', failureReason: 'CANCELLED' };
    case 'CLOSED':
      return { status: 'FAILED', failureReason: 'EXPIRED' };
    case 'FAILED':
      return {
        status: 'FAILED',
        OR: [{ failureReason: null }, { failureReason: { notIn: ['CANCELLED', 'EXPIRED'] } }],
      };
  }
}

function filterWhere(filter: ActivityFilter): Prisma.WalletOperationWhereInput {
  return {
    ...(filter.status ? outcomeWhere(filter.status) : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

function before(cursor: { createdAt: Date; id: string }): Prisma.WalletOperationWhereInput {
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

export async function counterpartyNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new InvalidInputError('cursor', 'Invalid cursor');
  return { createdAt, id };
}
