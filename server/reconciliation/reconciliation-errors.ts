// Domain errors of reconciliation (codes registered in server/core/error-registry.ts).
import { AppError } from '../core/app-error';

/** Another run of the same day holds the day's advisory lock. */
export class ReconciliationAlreadyRunningError extends AppError {
  readonly code = 'RECONCILIATION_ALREADY_RUNNING' as const;
  constructor(readonly businessDate: string) {
    super(`A reconciliation of ${businessDate} is already running`, { field: 'date', details: { date: businessDate } });
  }
}

/** A day that is not a calendar date, or lies in the future. */
export class InvalidBusinessDateError extends AppError {
  readonly code = 'INVALID_BUSINESS_DATE' as const;
  constructor(value: string) {
    super(`Not a past or current calendar day: ${value.slice(0, 20)}`, { field: 'date' });
  }
}

/** The action does not fit the break (e.g. booking a line whose operation does not exist). */
export class ResolutionNotApplicableError extends AppError {
  readonly code = 'RESOLUTION_NOT_APPLICABLE' as const;
  constructor(message: string) {
    super(message, { field: 'action' });
  }
}

/** The bank does not (yet) report a final outcome for the reference: nothing was booked. */
export class BankOutcomeNotFinalError extends AppError {
  readonly code = 'BANK_OUTCOME_NOT_FINAL' as const;
  constructor(reference: string, status: string) {
    super(`The bank reports ${status} for ${reference}: nothing booked`, { details: { reference, status } });
  }
}
