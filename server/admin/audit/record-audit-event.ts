// Every admin action leaves one row in the append-only audit log (the database refuses
// UPDATE / DELETE on audit_events). Callers pass their transaction client, so the record
// commits or rolls back together with the change it describes.
import 'server-only';
import type { Tx } from '../../db';
import { Prisma } from '../../generated/prisma/client';

export type AuditSnapshot = Record<string, unknown> | null;

export type AuditEventInput = {
  /** The admin user who acted. */
  actorId: string;
  /** What was done, dotted and stable, e.g. `user.freeze`, `merchant.approve`, `webhook.replay`. */
  action: string;
  /** The kind of thing acted on, e.g. `user`, `merchant`, `webhook_event`, `reconciliation_break`. */
  targetType: string;
  targetId: string;
  /** The relevant state before and after (null when there was none, e.g. a created row). */
  before: AuditSnapshot;
  after: AuditSnapshot;
  note?: string | null;
};

export type RecordedAuditEvent = { id: string; createdAt: Date };

/** JSON has no bigint or Date: money becomes a minor-unit string, instants ISO strings. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toAuditJson(item)) as Prisma.InputJsonValue;
  if (typeof value === 'object') {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toAuditJson(item);
    }
    return out as Prisma.InputJsonValue;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value as Prisma.InputJsonValue;
}

function snapshot(value: AuditSnapshot): Prisma.InputJsonValue | typeof Prisma.DbNull {
  const json = toAuditJson(value);
  return json === null ? Prisma.DbNull : json;
}

export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<RecordedAuditEvent> {
  const note = event.note?.trim();
  return tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      before: snapshot(event.before),
      after: snapshot(event.after),
      note: note ? note : null,
    },
    select: { id: true, createdAt: true },
  });
}
