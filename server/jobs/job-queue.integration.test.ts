import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { testDb } from '../../scripts/test/integration-db';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { PgBossJobQueue, QUEUES, startPgBoss } from './job-queue';

describe('job queue (pg-boss on the Prisma transaction)', () => {
  const db = testDb;
  const url = testDatabaseUrl;
  let boss: PgBoss;

  beforeAll(async () => {
    boss = await startPgBoss(url(), { supervise: false, schedule: false });
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: true });
  });

  it('a job enqueued in a committed transaction exists; in a rolled-back one it does not', async () => {
    const queue = new PgBossJobQueue(boss);
    await db().$transaction(async (tx) => {
      await queue.enqueue(tx, QUEUES.settleOperation, { operationId: 'committed' }, { startAfterSeconds: 1 });
    });
    await db()
      .$transaction(async (tx) => {
        await queue.enqueue(tx, QUEUES.settleOperation, { operationId: 'rolled-back' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const rows = await db().$queryRawUnsafe<{ data: { operationId: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = $1`,
      QUEUES.settleOperation,
    );
    expect(rows.map((r) => r.data.operationId)).toEqual(['committed']);
  });
});
