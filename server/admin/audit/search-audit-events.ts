// The audit log for admins: newest first, filtered by actor (email or id), action, target
// id and a range of Shanghai days. Read-only: the table cannot be changed anyway.
import 'server-only';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid, paged, PAGE_SIZE, type Paged } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type AuditQuery = {
  /** An admin's email (exact, case-insensitive) or user id. */
  actor: string;
  /** An action (`user.freeze`) or its prefix (`user.`). */
  action: string;
  targetId: string;
  from?: Date;
  to?: Date;
  page: number;
};

export type AuditRow = {
  id: string;
  actorId: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  note: string | null;
  createdAt: Date;
};

export async function searchAuditEvents(db: Db, actorId: string, query: AuditQuery): Promise<Paged<AuditRow>> {
  await requireAdminOrThrow(db, actorId);
  const where: Prisma.AuditEventWhereInput = {};
  if (query.actor) {
    if (isUuid(query.actor)) {
      where.actorId = query.actor.toLowerCase();
    } else {
      const actor = await db.user.findFirst({
        where: { email: { equals: query.actor, mode: 'insensitive' } },
        select: { id: true },
      });
      if (!actor) return paged([], 0, query.page);
      where.actorId = actor.id;
    }
  }
  if (query.action) where.action = query.action.endsWith('.') ? { startsWith: query.action } : query.action;
  if (query.targetId) where.targetId = isUuid(query.targetId) ? query.targetId.toLowerCase() : query.targetId;
  if (query.from || query.to)
    where.createdAt = { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) };

  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } },
    select: { id: true, email: true },
  });
  const emails = new Map(actors.map((a) => [a.id, a.email]));
  return paged(
    rows.map((row) => ({ ...row, actorEmail: emails.get(row.actorId) ?? null })),
    total,
    query.page,
  );
}

/** The actions recorded so far, for the filter's list. */
export async function listAuditActions(db: Db, actorId: string): Promise<string[]> {
  await requireAdminOrThrow(db, actorId);
  const rows = await db.auditEvent.findMany({
    distinct: ['action'],
    select: { action: true },
    orderBy: { action: 'asc' },
  });
  return rows.map((r) => r.action);
}
