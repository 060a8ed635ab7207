// Domain errors of the daily proof of liabilities (codes registered in server/core/error-registry.ts).
import { AppError } from '../core/app-error';

/** No root has been built for the day (yet). */
export class ProofNotPublishedError extends AppError {
  readonly code = 'PROOF_NOT_PUBLISHED' as const;
  constructor(readonly businessDate: string) {
    super(`No proof of liabilities for ${businessDate}`, { field: 'date', details: { date: businessDate } });
  }
}

/** The person had no wallet or merchant balance at the day's end, so no leaf is theirs. */
export class ProofNoAccountError extends AppError {
  readonly code = 'PROOF_NO_ACCOUNT' as const;
  constructor(readonly businessDate: string) {
    super(`No balance account at the end of ${businessDate}`, { field: 'date', details: { date: businessDate } });
  }
}

/** A day's root states the reconciled reserve: the day must have a completed reconciliation. */
export class ProofNeedsReconciliationError extends AppError {
  readonly code = 'PROOF_NEEDS_RECONCILIATION' as const;
  constructor(readonly businessDate: string) {
    super(`${businessDate} has no completed reconciliation`, { field: 'date', details: { date: businessDate } });
  }
}
