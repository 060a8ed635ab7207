// Turns the per-op failures reported by the SQL function ledger_apply (and the SQLSTATEs of
// the hand-written guards) into the ledger's typed domain errors.
import {
  AccountNotFoundError,
  HoldNotPendingError,
  IdempotencyConflictError,
  IdempotencyInProgressError,
  InsufficientFundsError,
  InvalidEntryError,
  UnbalancedEntryError,
  type InvalidEntryReason,
  type LedgerError,
} from '@/ledger';

/** A failure as ledger_apply reports it: a code plus string details. */
export type SqlOpFailure = { ok: false; code: string } & Record<string, unknown>;

/** SQLSTATEs raised by the guards in the ledger migration. */
export const LEDGER_SQLSTATE = {
  UNBALANCED_ENTRY: 'LB001',
  IMMUTABLE_POSTING: 'LB002',
  ILLEGAL_ENTRY_CHANGE: 'LB003',
  /** ledger_write_transfers: an op of the call must be refused after all (the batcher asks ledger_apply). */
  OPTIMISTIC_CALL_REFUSED: 'LB004',
} as const;

const ENTRY_REASONS: ReadonlySet<string> = new Set<InvalidEntryReason>([
  'UNKNOWN_KIND',
  'TOO_FEW_POSTINGS',
  'ZERO_POSTING',
  'AMOUNT_NOT_BIGINT',
  'AMOUNT_TOO_LARGE',
  'UNKNOWN_CURRENCY',
  'MISSING_ACCOUNT',
  'DUPLICATE_ACCOUNT',
  'INVALID_IDEMPOTENCY_KEY',
  'INVALID_METADATA',
]);

export function ledgerErrorFromSql(failure: SqlOpFailure): LedgerError {
  const text = (key: string): string => {
    const value = failure[key];
    return typeof value === 'string' ? value : '';
  };
  const big = (key: string): bigint => {
    const value = text(key);
    return /^-?\d+$/.test(value) ? BigInt(value) : 0n;
  };
  switch (failure.code) {
    case 'INSUFFICIENT_FUNDS':
      return new InsufficientFundsError({
        currency: text('currency'),
        available: big('available'),
        required: big('required'),
        account: text('account'),
      });
    case 'ACCOUNT_NOT_FOUND':
      return new AccountNotFoundError(`${text('account')} (${text('currency')})`, {
        details: { account: text('account'), currency: text('currency') },
      });
    case 'IDEMPOTENCY_CONFLICT':
      return new IdempotencyConflictError();
    case 'IDEMPOTENCY_IN_PROGRESS':
      return new IdempotencyInProgressError();
    case 'HOLD_NOT_PENDING':
      return new HoldNotPendingError(text('holdId'), text('status'));
    case 'UNBALANCED_ENTRY':
      return new UnbalancedEntryError(text('currency'), big('difference'));
    case 'INVALID_ENTRY': {
      const reason = text('reason');
      return new InvalidEntryError(
        (ENTRY_REASONS.has(reason) ? reason : 'UNKNOWN_KIND') as InvalidEntryReason,
        `The ledger refused the entry: ${reason || 'invalid'}`,
      );
    }
    default:
      return new InvalidEntryError('UNKNOWN_KIND', `The ledger refused the operation: ${failure.code}`);
  }
}

/**
 * The connection broke while a batch without idempotency keys was out: it may or may not
 * have committed. Not retried blindly (docs/security.md: unknown outcomes are settled, not
 * guessed); give ops an idempotency key and retry with the same key to settle it.
 */
export class LedgerOutcomeUnknownError extends Error {
  readonly code = 'LEDGER_OUTCOME_UNKNOWN' as const;

  constructor(cause: unknown) {
    super('The database connection broke while the ledger operation was in flight; its outcome is unknown', { cause });
    this.name = 'LedgerOutcomeUnknownError';
  }
}
