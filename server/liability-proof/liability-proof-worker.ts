// The daily proof job (queue 'liability-proof-daily'), sent by the reconciliation job once the
// day's reserve is reconciled (reconciled here if that run failed). Idempotent: a day that has
// its root is left as it is. A failed build is recorded (the admin's alert) and retried by
// pg-boss. LIABILITY_PROOF_CATCH_UP=1 (set by `npm run dev`) also builds yesterday shortly
// after start when it has no root, so a fresh demo database shows a proof.
import 'server-only';
import type PgBoss from 'pg-boss';
import { bankGateway } from '../bank/bank-gateway-instance';
import { db } from '../db';
import { env } from '../env';
import { QUEUES } from '../jobs/job-queue';
import { previousBusinessDate } from '../reconciliation/business-date';
import { reconcileThenBuildProof } from './reconcile-then-build';

export async function startLiabilityProofWorker(boss: PgBoss): Promise<void> {
  await boss.work<{ date: string }>(QUEUES.buildLiabilityProof, async ([job]) => {
    if (!job) return;
    const built = await reconcileThenBuildProof(
      { db: db(), bank: bankGateway() },
      { date: job.data.date, trigger: 'SCHEDULED' },
    );
    console.log(
      `[liability-proof] ${built.date}: ${built.created ? 'published' : 'already published'} ` +
        `${built.leafCount} accounts, root ${built.rootHash.slice(0, 16)}…, reserve − liabilities ${built.difference}`,
    );
  });
  if (env().LIABILITY_PROOF_CATCH_UP === '1') {
    const date = previousBusinessDate();
    const built = await db().liabilityProofRoot.findUnique({ where: { businessDate: date }, select: { kid: true } });
    // After the server listens: the reconciliation asks the sandbox bank it serves.
    if (!built)
      await boss.send(
        QUEUES.buildLiabilityProof,
        { date },
        { singletonKey: `proof:${date}`, startAfter: 20, retryLimit: 3, retryDelay: 30 },
      );
  }
}
