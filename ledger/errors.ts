// Domain errors of the ledger. Each class carries a literal `code` so callers can
// switch on it; what a code means over HTTP and in words is decided outside the pure core
// (server/core/error-registry.ts).
// Messages are English and meant for logs; UIs translate from `code` / `reason`.
// `details` holds JSON-safe values only (bigints as decimal strings).

export type ErrorDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export type DomainErrorOptions = {
  field?: string | undefined;
  details?: ErrorDetails | undefined;
};

/** Base of every domain error. Server code may extend it with its own codes. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.field = options.field;
    this.details = options.details;
  }
}

/** Why an amount was refused; lets the UI say something precise. */
export type InvalidAmountReason =
  | 'WRONG_TYPE'
  | 'EMPTY'
  | 'WHITESPACE'
  | 'SIGN'
  | 'NEGATIVE'
  | 'EXPONENT'
  | 'GROUPING'
  | 'NON_ASCII_DIGIT'
  | 'MALFORMED'
  | 'MISSING_DIGITS'
  | 'LEADING_ZERO'
  | 'TOO_MANY_DECIMALS'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'UNSAFE_INTEGER'
  | 'ZERO'
  | 'TOO_LARGE';

export class InvalidAmountError extends DomainError {
  readonly code = 'INVALID_AMOUNT' as const;
  readonly reason: InvalidAmountReason;

  constructor(reason: InvalidAmountReason, message: string, options: DomainErrorOptions = {}) {
    super(message, { ...options, field: options.field ?? 'amount', details: { ...options.details, reason } });
    this.reason = reason;
  }
}

export class UnsupportedCurrencyError extends DomainError {
  readonly code = 'UNSUPPORTED_CURRENCY' as const;

  constructor(value: unknown, options: DomainErrorOptions = {}) {
    super(`Unsupported currency: ${describe(value)}`, { field: 'currency', ...options });
  }
}

export class CurrencyMismatchError extends DomainError {
  readonly code = 'CURRENCY_MISMATCH' as const;
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string, options: DomainErrorOptions = {}) {
    super(`Currency mismatch: expected ${expected}, got ${actual}`, {
      field: 'currency',
      ...options,
      details: { ...options.details, expected, actual },
    });
    this.expected = expected;
    this.actual = actual;
  }
}

export class UnbalancedEntryError extends DomainError {
  readonly code = 'UNBALANCED_ENTRY' as const;
  readonly currency: string;
  /** Sum of the postings in `currency` (credits − debits); non-zero. */
  readonly difference: bigint;

  constructor(currency: string, difference: bigint, options: DomainErrorOptions = {}) {
    super(`Journal entry does not balance in ${currency}: postings sum to ${difference}`, {
      ...options,
      details: { ...options.details, currency, difference: difference.toString() },
    });
    this.currency = currency;
    this.difference = difference;
  }
}

export type InvalidEntryReason =
  | 'UNKNOWN_KIND'
  | 'TOO_FEW_POSTINGS'
  | 'ZERO_POSTING'
  | 'AMOUNT_NOT_BIGINT'
  | 'AMOUNT_TOO_LARGE'
  | 'UNKNOWN_CURRENCY'
  | 'MISSING_ACCOUNT'
  | 'DUPLICATE_ACCOUNT'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'INVALID_METADATA'
  | 'NEGATIVE_FEE'
  | 'FEE_EXCEEDS_AMOUNT';

export class InvalidEntryError extends DomainError {
  readonly code = 'INVALID_ENTRY' as const;
  readonly reason: InvalidEntryReason;

  constructor(reason: InvalidEntryReason, message: string, options: DomainErrorOptions = {}) {
    super(message, { ...options, details: { ...options.details, reason } });
    this.reason = reason;
  }
}

export class InvalidAccountCodeError extends DomainError {
  readonly code = 'INVALID_ACCOUNT_CODE' as const;

  constructor(value: unknown, options: DomainErrorOptions = {}) {
    super(`Invalid account code or owner id: ${describe(value)}`, options);
  }
}

export class SelfTransferError extends DomainError {
  readonly code = 'SELF_TRANSFER' as const;

  constructor(options: DomainErrorOptions = {}) {
    super('Cannot transfer to the same account', { field: 'to', ...options });
  }
}

export class InsufficientFundsError extends DomainError {
  readonly code = 'INSUFFICIENT_FUNDS' as const;

  constructor(
    args: { currency: string; available: bigint; required: bigint; account?: string },
    options: DomainErrorOptions = {},
  ) {
    super(`Insufficient funds: ${args.required} ${args.currency} required, ${args.available} available`, {
      field: 'amount',
      ...options,
      details: {
        ...options.details,
        currency: args.currency,
        available: args.available.toString(),
        required: args.required.toString(),
        ...(args.account === undefined ? {} : { account: args.account }),
      },
    });
  }
}

export class HoldNotPendingError extends DomainError {
  readonly code = 'HOLD_NOT_PENDING' as const;

  constructor(holdId: string, status: string, options: DomainErrorOptions = {}) {
    super(`Hold ${holdId} is ${status}, not PENDING`, { ...options, details: { ...options.details, holdId, status } });
  }
}

/** Same idempotency key, different request body (docs/security.md: 422, nothing written). */
export class IdempotencyConflictError extends DomainError {
  readonly code = 'IDEMPOTENCY_CONFLICT' as const;

  constructor(options: DomainErrorOptions = {}) {
    super('Idempotency key was already used with a different request', { field: 'Idempotency-Key', ...options });
  }
}

/** Same idempotency key while the first request is still running (docs/security.md: 409). */
export class IdempotencyInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS' as const;

  constructor(options: DomainErrorOptions = {}) {
    super('A request with this idempotency key is still in progress', { field: 'Idempotency-Key', ...options });
  }
}

export class AccountNotFoundError extends DomainError {
  readonly code = 'ACCOUNT_NOT_FOUND' as const;

  constructor(account: string, options: DomainErrorOptions = {}) {
    super(`Account not found: ${account}`, options);
  }
}

export class InvalidFeeScheduleError extends DomainError {
  readonly code = 'INVALID_FEE_SCHEDULE' as const;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(`Invalid fee schedule: ${message}`, options);
  }
}

export type LedgerError =
  | InvalidAmountError
  | UnsupportedCurrencyError
  | CurrencyMismatchError
  | UnbalancedEntryError
  | InvalidEntryError
  | InvalidAccountCodeError
  | SelfTransferError
  | InsufficientFundsError
  | HoldNotPendingError
  | IdempotencyConflictError
  | IdempotencyInProgressError
  | AccountNotFoundError
  | InvalidFeeScheduleError;

export type LedgerErrorCode = LedgerError['code'];

// Short, bounded rendering of a bad value for messages (never dump a 1 MB string).
function describe(value: unknown): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : typeof value === 'bigint'
        ? `${value}n`
        : value === null || typeof value !== 'object'
          ? String(value)
          : Array.isArray(value)
            ? 'an array'
            : 'an object';
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
}
