import { describe, expect, it } from 'vitest';
import {
  AccountNotFoundError,
  CurrencyMismatchError,
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
} from '@/ledger';
import en from '@/messages/errors/en.json';
import zhCN from '@/messages/errors/zh-CN.json';
import { httpStatusForError } from '../http/error-status';
import { ERROR_REGISTRY, httpStatusOfCode, isErrorCode } from './error-registry';

const codes = Object.keys(ERROR_REGISTRY);

describe("the ledger's errors get their HTTP status here, not in the pure core", () => {
  it.each<[LedgerError, number]>([
    [new InvalidAmountError('ZERO', 'zero'), 422],
    [new UnsupportedCurrencyError('XXX'), 422],
    [new CurrencyMismatchError('CNY', 'USD'), 422],
    [new SelfTransferError(), 422],
    [new InsufficientFundsError({ currency: 'CNY', available: 1n, required: 2n }), 422],
    [new IdempotencyConflictError(), 422],
    [new IdempotencyInProgressError(), 409],
    [new HoldNotPendingError('h1', 'POSTED'), 409],
    [new AccountNotFoundError('user:u1:wallet'), 404],
    [new UnbalancedEntryError('USD', 1n), 500],
    [new InvalidEntryError('ZERO_POSTING', 'zero'), 500],
    [new InvalidAccountCodeError('x'), 500],
    [new InvalidFeeScheduleError('bad'), 500],
  ])('%s is %i', (error, status) => {
    expect(httpStatusOfCode(error.code)).toBe(status);
    expect(httpStatusForError(error)).toBe(status);
  });
});

describe('the registry', () => {
  it('knows its codes and nothing else (not even what every object has)', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('constructor')).toBe(false);
  });

  it.each([
    ['zh-CN', zhCN.errorCodes],
    ['en', en.errorCodes],
  ])('every code has words in %s, and no stale ones are left', (_locale, words) => {
    expect(Object.keys(words).sort()).toEqual([...codes].sort());
    for (const text of Object.values(words)) expect(text.trim()).not.toBe('');
  });

  it.each(codes)('%s reads as Chinese in zh-CN and has no placeholder to fill', (code) => {
    const zh = (zhCN.errorCodes as Record<string, string>)[code] ?? '';
    const english = (en.errorCodes as Record<string, string>)[code] ?? '';
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(english).toMatch(/^[\x20-\x7e]+$/);
    // The code's own sentence is said without details; sentences with details live with their forms.
    expect(zh + english).not.toMatch(/[{}]/);
  });
});
