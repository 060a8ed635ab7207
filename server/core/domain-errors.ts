// Domain errors of the wallet's use cases, beside the ledger's own (ledger/errors.ts). Each
// has a literal `code` registered in error-registry.ts (its HTTP status and words).
import type { DomainErrorOptions } from '@/ledger';
import { AppError } from './app-error';

/** Not found, or not yours: the answer is the same so that nobody learns what exists. */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string, options: DomainErrorOptions = {}) {
    super(`${what} not found`, options);
  }
}

export type LimitKind = 'PER_OPERATION' | 'PER_DAY';

export class LimitExceededError extends AppError {
  readonly code = 'LIMIT_EXCEEDED' as const;
  constructor(
    readonly limit: LimitKind,
    readonly maximum: bigint,
    readonly remaining: bigint,
  ) {
    super(`Amount exceeds the ${limit === 'PER_DAY' ? 'daily' : 'per-operation'} limit`, {
      field: 'amount',
      details: { limit, maximum: maximum.toString(), remaining: remaining.toString() },
    });
  }
}

/** The same idempotency key was used before for a different request. */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED' as const;
  constructor() {
    super('This idempotency key was already used for a different request', { field: 'idempotencyKey' });
  }
}

/**
 * The bank could not verify card number, name, ID number and phone together. It does not say
 * which field, and neither do we: naming it would let a stranger probe them one at a time.
 */
export class BankAccountNotVerifiedError extends AppError {
  readonly code = 'BANK_ACCOUNT_NOT_VERIFIED' as const;
  constructor() {
    super('The bank could not verify these details');
  }
}

/** The code typed is not the one the bank texted; `attemptsLeft` more tries on this code. */
export class BankCodeWrongError extends AppError {
  readonly code = 'BANK_CODE_WRONG' as const;
  constructor(readonly attemptsLeft: number) {
    super('The code is not the one the bank sent', { field: 'code', details: { attemptsLeft } });
  }
}

/** The code can no longer be used (expired, used, or too many wrong tries): ask for a new one. */
export class BankCodeUnusableError extends AppError {
  readonly code = 'BANK_CODE_UNUSABLE' as const;
  constructor(readonly reason: 'CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'ALREADY_USED' | 'NOT_FOUND') {
    super('This code can no longer be used: ask the bank for a new one', { field: 'code', details: { reason } });
  }
}

export class BankAccountAlreadyLinkedError extends AppError {
  readonly code = 'BANK_ACCOUNT_ALREADY_LINKED' as const;
  constructor() {
    super('This bank account is already linked', { field: 'accountNumber' });
  }
}

/** The bank could not be reached or answered with an error; nothing was done. */
export class BankUnavailableError extends AppError {
  readonly code = 'BANK_UNAVAILABLE' as const;
  constructor(message = 'The bank is not available right now') {
    super(message);
  }
}

export class WrongPasswordError extends AppError {
  readonly code = 'WRONG_PASSWORD' as const;
  constructor() {
    super('The password is not correct', { field: 'password' });
  }
}

export class InvalidInputError extends AppError {
  readonly code = 'INVALID_INPUT' as const;
  /** `details.reason` lets a form say precisely what is wrong (e.g. BIDI_CONTROL). */
  constructor(field: string, message: string, details?: Record<string, string | number>) {
    super(message, details ? { field, details } : { field });
  }
}

export class RecipientNotFoundError extends AppError {
  readonly code = 'RECIPIENT_NOT_FOUND' as const;
  constructor() {
    super('No wallet user has this email', { field: 'email' });
  }
}

/** The withdrawal fee is not the one the customer saw (the free quota was used meanwhile). */
export class FeeChangedError extends AppError {
  readonly code = 'FEE_CHANGED' as const;
  constructor(readonly fee: bigint) {
    super('The fee changed since it was shown; review the withdrawal again', {
      field: 'fee',
      details: { fee: fee.toString() },
    });
  }
}

/** An admin froze the account: it can sign in and look, but money does not move. */
export class AccountFrozenError extends AppError {
  readonly code = 'ACCOUNT_FROZEN' as const;
  constructor() {
    super('This account is frozen: payments, transfers and withdrawals are not possible. Please contact support.');
  }
}
