// The safety net under delivery jobs: a PENDING notification whose attempt is over a minute
// late (its job lost, or a worker died mid-attempt and its lease ran out) gets a job again.
import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { QUEUES } from '../jobs/job-queue';

export async function sweepOverdueWebhooks(db: Db, boss: PgBoss): Promise<number> {
  const overdue = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM webhook_events
     WHERE status = 'PENDING' AND next_attempt_at < now() - interval '1 minute'
     ORDER BY next_attempt_at LIMIT 500`;
  for (const { id } of overdue) {
    // One job per event and 5-minute slot: a sweep never piles up jobs for one event, and a
    // duplicate finds the event claimed (not due) and sends nothing.
    await boss.send(
      QUEUES.deliverWebhook,
      { eventId: id },
      { singletonKey: id, singletonSeconds: 300, retryLimit: 5, retryDelay: 10, retryBackoff: true },
    );
  }
  return overdue.length;
}
