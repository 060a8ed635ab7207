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
  LEDGER_ERROR_HTTP_STATUS,
  type LedgerError,
  SelfTransferError,
  UnbalancedEntryError,
  UnsupportedCurrencyError,
  httpStatusForCode,
} from './errors';

describe('domain errors', () => {
  it.each<[LedgerError, string, number]>([
    [new InvalidAmountError('ZERO', 'zero'), 'INVALID_AMOUNT', 422],
    [new UnsupportedCurrencyError('XXX'), 'UNSUPPORTED_CURRENCY', 422],
    [new CurrencyMismatchError('CNY', 'USD'), 'CURRENCY_MISMATCH', 422],
    [new SelfTransferError(), 'SELF_TRANSFER', 422],
    [new InsufficientFundsError({ currency: 'CNY', available: 1n, required: 2n }), 'INSUFFICIENT_FUNDS', 422],
    [new IdempotencyConflictError(), 'IDEMPOTENCY_CONFLICT', 422],
    [new IdempotencyInProgressError(), 'IDEMPOTENCY_IN_PROGRESS', 409],
    [new HoldNotPendingError('h1', 'POSTED'), 'HOLD_NOT_PENDING', 409],
    [new AccountNotFoundError('user:u1:wallet'), 'ACCOUNT_NOT_FOUND', 404],
    [new UnbalancedEntryError('USD', 1n), 'UNBALANCED_ENTRY', 500],
    [new InvalidEntryError('ZERO_POSTING', 'zero'), 'INVALID_ENTRY', 500],
    [new InvalidAccountCodeError('x'), 'INVALID_ACCOUNT_CODE', 500],
    [new InvalidFeeScheduleError('bad'), 'INVALID_FEE_SCHEDULE', 500],
  ])('%s has code %s and suggested status %i', (error, code, status) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
    expect(httpStatusForCode(error.code)).toBe(status);
    // details must survive JSON (no bigint) so one mapper can send them.
    expect(() => JSON.stringify(error.details ?? {})).not.toThrow();
  });

  it('maps every code and nothing else', () => {
    expect(Object.keys(LEDGER_ERROR_HTTP_STATUS)).toHaveLength(13);
    expect(httpStatusForCode('SOMETHING_ELSE')).toBe(500);
    expect(httpStatusForCode('toString')).toBe(500);
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
