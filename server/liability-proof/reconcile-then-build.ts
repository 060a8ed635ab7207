// A day's proof states its reconciled reserve, so a day not yet reconciled is reconciled
// first (the admin's "build now", a job whose reconciliation had failed, the dev catch-up),
// then built. A reconciliation that fails is kept as a FAILED run by runReconciliation and
// recorded as a failed proof build here: the admin sees both.
import 'server-only';
import { AppError } from '../core/app-error';
import type { ReconciliationDeps } from '../reconciliation/reconciliation-deps';
import { ReconciliationAlreadyRunningError } from '../reconciliation/reconciliation-errors';
import { runReconciliation } from '../reconciliation/run-reconciliation';
import { buildDailyProof, type BuildProofInput, type BuiltProof } from './build-daily-proof';
import { hasCompletedReconciliation } from './has-completed-reconciliation';

export async function reconcileThenBuildProof(deps: ReconciliationDeps, input: BuildProofInput): Promise<BuiltProof> {
  const built = await deps.db.liabilityProofRoot.findUnique({ where: { businessDate: input.date } });
  if (!built && !(await hasCompletedReconciliation(deps.db, input.date, input.currency))) {
    try {
      await runReconciliation(deps, input);
    } catch (error) {
      // Another run of the day is going: the build below waits for nothing and says so if it is not done.
      if (!(error instanceof ReconciliationAlreadyRunningError)) {
        const message = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
        await deps.db.liabilityProofFailure.create({
          data: { businessDate: input.date, trigger: input.trigger, error: `reconciliation: ${message}`.slice(0, 500) },
        });
        throw error;
      }
    }
  }
  return buildDailyProof(deps, input);
}
