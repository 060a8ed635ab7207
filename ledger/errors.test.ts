import { describe, expect, it } from 'vitest';
import {
  AccountNotFoundError,
  CurrencyMismatchError,
  DomainError,
  HoldNotPendingError,
  IdempotencyConflictError,
  IdempotencyInProgressError,
  InsufficientFundsError,
  InvalidAccountCodeError,
  InvalidAmountError,
  InvalidEntryError,
  InvalidFeeScheduleError,
  type LedgerError,
  SelfTransferError,
  UnbalancedEntryError,
  UnsupportedCurrencyError,
} from './errors';

describe('domain errors', () => {
  it.each<[LedgerError, string]>([
    [new InvalidAmountError('ZERO', 'zero'), 'INVALID_AMOUNT'],
    [new UnsupportedCurrencyError('XXX'), 'UNSUPPORTED_CURRENCY'],
    [new CurrencyMismatchError('CNY', 'USD'), 'CURRENCY_MISMATCH'],
    [new SelfTransferError(), 'SELF_TRANSFER'],
    [new InsufficientFundsError({ currency: 'CNY', available: 1n, required: 2n }), 'INSUFFICIENT_FUNDS'],
    [new IdempotencyConflictError(), 'IDEMPOTENCY_CONFLICT'],
    [new IdempotencyInProgressError(), 'IDEMPOTENCY_IN_PROGRESS'],
    [new HoldNotPendingError('h1', 'POSTED'), 'HOLD_NOT_PENDING'],
    [new AccountNotFoundError('user:u1:wallet'), 'ACCOUNT_NOT_FOUND'],
    [new UnbalancedEntryError('USD', 1n), 'UNBALANCED_ENTRY'],
    [new InvalidEntryError('ZERO_POSTING', 'zero'), 'INVALID_ENTRY'],
    [new InvalidAccountCodeError('x'), 'INVALID_ACCOUNT_CODE'],
    [new InvalidFeeScheduleError('bad'), 'INVALID_FEE_SCHEDULE'],
  ])('%s has code %s', (error, code) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
    // details must survive JSON (no bigint) so one mapper can send them.
    expect(() => JSON.stringify(error.details ?? {})).not.toThrow();
  });

  it('carries a field and a reason for amounts', () => {
    const error = new InvalidAmountError('TOO_MANY_DECIMALS', 'too many', { field: 'price' });
    expect(error.field).toBe('price');
    expect(error.reason).toBe('TOO_MANY_DECIMALS');
    expect(error.details).toEqual({ reason: 'TOO_MANY_DECIMALS' });
  });

  it('does not echo huge or odd values into messages', () => {
    expect(new UnsupportedCurrencyError('x'.repeat(10_000)).message.length).toBeLessThan(120);
    expect(new UnsupportedCurrencyError(Object.create(null)).message).toContain('an object');
  });
});
