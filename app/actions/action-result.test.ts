import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsufficientFundsError, InvalidEntryError } from '@/ledger';
import { NotFoundError } from '@/server/core/domain-errors';
import { WrongPinError } from '@/server/pin/pin-errors';
import { runAction } from './action-result';

describe('runAction', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers the data', async () => {
    expect(await runAction(async () => 7)).toEqual({ ok: true, data: 7 });
  });

  it.each([
    [new WrongPinError(2), { code: 'WRONG_PIN', field: 'pin', details: { attemptsLeft: 2 } }],
    [new NotFoundError('Order'), { code: 'NOT_FOUND' }],
    [
      new InsufficientFundsError({ currency: 'CNY', available: 1n, required: 2n }),
      { code: 'INSUFFICIENT_FUNDS', field: 'amount', details: { currency: 'CNY', available: '1', required: '2' } },
    ],
  ])('hands a domain error to the form by its code: %s', async (error, expected) => {
    expect(
      await runAction(async () => {
        throw error;
      }),
    ).toEqual({ ok: false, error: expected });
  });

  it.each([
    ['a broken invariant (a code registered as 500)', new InvalidEntryError('ZERO_POSTING', 'posting of zero')],
    ['a bug', new TypeError('cannot read properties of undefined')],
  ])('logs %s and answers INTERNAL with nothing of it', async (_what, error) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await runAction(async () => {
        throw error;
      }),
    ).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledWith('[action] unexpected error', error);
  });
});
