// The daily proof job (queue 'liability-proof-daily'), sent by the reconciliation job once the
// day's reserve is reconciled. Idempotent: a day that has its root is left as it is. A failed
// build is recorded by buildDailyProof (the admin's alert) and retried by pg-boss.
import 'server-only';
import type PgBoss from 'pg-boss';
import { db } from '../db';
import { QUEUES } from '../jobs/job-queue';
import { buildDailyProof } from './build-daily-proof';

export async function startLiabilityProofWorker(boss: PgBoss): Promise<void> {
  await boss.work<{ date: string }>(QUEUES.buildLiabilityProof, async ([job]) => {
    if (!job) return;
    const built = await buildDailyProof({ db: db() }, { date: job.data.date, trigger: 'SCHEDULED' });
    console.log(
      `[liability-proof] ${built.date}: ${built.created ? 'published' : 'already published'} ` +
        `${built.leafCount} accounts, root ${built.rootHash.slice(0, 16)}…, reserve − liabilities ${built.difference}`,
    );
  });
}
