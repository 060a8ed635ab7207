// What the admin pages read: recent runs, one run with its breaks and their resolutions (who,
// when, what), and the days whose latest run still has open breaks (the admin home's alert).
import 'server-only';
import type { Db } from '../db';
import type { ReconciliationBreak, ReconciliationResolution, ReconciliationRun } from '../generated/prisma/client';
import { requireAdminOrThrow } from '../admin/require-admin-or-throw';
import { NotFoundError } from '../core/domain-errors';

export const RUN_BREAKS_PAGE = 500;

export type ResolutionView = ReconciliationResolution & { actorName: string | null };
export type BreakView = ReconciliationBreak & { resolution: ResolutionView | null };
export type RunView = ReconciliationRun & { breaks: BreakView[]; openBreaks: number; startedByName: string | null };

export async function listRecentRuns(db: Db, actorId: string, limit = 20): Promise<ReconciliationRun[]> {
  await requireAdminOrThrow(db, actorId);
  return db.reconciliationRun.findMany({ orderBy: { startedAt: 'desc' }, take: Math.min(Math.max(limit, 1), 100) });
}

/** The run with its first RUN_BREAKS_PAGE breaks, open ones first. */
export async function getRunOrThrow(db: Db, actorId: string, runId: string): Promise<RunView> {
  await requireAdminOrThrow(db, actorId);
  if (!/^[0-9a-f-]{36}$/i.test(runId)) throw new NotFoundError('Reconciliation run', { field: 'runId' });
  const run = await db.reconciliationRun.findUnique({ where: { id: runId } });
  if (!run) throw new NotFoundError('Reconciliation run', { field: 'runId' });
  const breaks = await db.reconciliationBreak.findMany({
    where: { runId },
    orderBy: [{ category: 'asc' }, { id: 'asc' }],
    take: RUN_BREAKS_PAGE,
  });
  const resolutions = await db.reconciliationResolution.findMany({
    where: { businessDate: run.businessDate, itemKey: { in: breaks.map((b) => b.itemKey) } },
  });
  const userIds = [...new Set([...resolutions.map((r) => r.actorId), ...(run.startedById ? [run.startedById] : [])])];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const byItem = new Map(resolutions.map((r) => [r.itemKey, { ...r, actorName: names.get(r.actorId) ?? null }]));
  const views = breaks.map((b) => ({ ...b, resolution: byItem.get(b.itemKey) ?? null }));
  views.sort((a, b) => Number(a.resolution !== null) - Number(b.resolution !== null));
  const openBreaks = await countOpenBreaks(db, runId);
  return {
    ...run,
    breaks: views,
    openBreaks,
    startedByName: run.startedById ? (names.get(run.startedById) ?? null) : null,
  };
}

async function countOpenBreaks(db: Db, runId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM reconciliation_breaks b
    WHERE b.run_id = ${runId}::uuid
      AND NOT EXISTS (SELECT 1 FROM reconciliation_resolutions r WHERE r.business_date = b.business_date AND r.item_key = b.item_key)`;
  return Number(row?.n ?? 0);
}

export type OpenBreakAlert = { runId: string; businessDate: string; openBreaks: number; finishedAt: Date };

/** For each of the last `days` reconciled days, its latest completed run, when it has open breaks. */
export async function listOpenBreakAlerts(db: Db, actorId: string, days = 31): Promise<OpenBreakAlert[]> {
  await requireAdminOrThrow(db, actorId);
  const rows = await db.$queryRaw<{ run_id: string; business_date: string; open_breaks: bigint; finished_at: Date }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (business_date) id, business_date, finished_at
      FROM reconciliation_runs
      WHERE status = 'COMPLETED' AND started_at > now() - make_interval(days => ${days})
      ORDER BY business_date, started_at DESC
    )
    SELECT l.id::text AS run_id, l.business_date, l.finished_at,
           (SELECT count(*) FROM reconciliation_breaks b
            WHERE b.run_id = l.id
              AND NOT EXISTS (SELECT 1 FROM reconciliation_resolutions r WHERE r.business_date = b.business_date AND r.item_key = b.item_key)
           ) AS open_breaks
    FROM latest l
    ORDER BY l.business_date DESC`;
  return rows
    .filter((r) => Number(r.open_breaks) > 0)
    .map((r) => ({
      runId: r.run_id,
      businessDate: r.business_date,
      openBreaks: Number(r.open_breaks),
      finishedAt: r.finished_at,
    }));
}
