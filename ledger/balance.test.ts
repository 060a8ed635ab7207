import { describe, expect, it } from 'vitest';
import { applyPostingToBalance, availableBalance, balanceFromPostingSum } from './balance';
import type { AccountKind } from './chart-of-accounts';
import { InsufficientFundsError } from './errors';

describe('balanceFromPostingSum (+ credit, − debit)', () => {
  it.each<[AccountKind, bigint, bigint]>([
    ['USER_WALLET', 1000n, 1000n], // credited 1000: owes the user 1000
    ['USER_WALLET', -300n, -300n],
    ['MERCHANT_BALANCE', 994n, 994n],
    ['FEE_REVENUE', 6n, 6n],
    ['RESERVE', -1000n, 1000n], // debited 1000: the bank holds 1000 more
    ['IN_TRANSIT', 500n, -500n],
    ['SUSPENSE', -7n, 7n],
    ['RESERVE', 0n, 0n],
  ])('%s with posting sum %s has balance %s', (kind, sum, balance) => {
    expect(balanceFromPostingSum(kind, sum)).toBe(balance);
  });

  it('keeps assets = liabilities + revenue for a balanced set of postings', () => {
    // Top-up 1000, pay 600 with fee 4, i.e. the postings of two balanced entries.
    const postings: [AccountKind, bigint][] = [
      ['RESERVE', -1000n],
      ['USER_WALLET', 1000n],
      ['USER_WALLET', -600n],
      ['MERCHANT_BALANCE', 596n],
      ['FEE_REVENUE', 4n],
    ];
    const total = (kinds: AccountKind[]) =>
      postings.filter(([k]) => kinds.includes(k)).reduce((acc, [k, a]) => acc + balanceFromPostingSum(k, a), 0n);
    expect(total(['RESERVE', 'IN_TRANSIT', 'SUSPENSE'])).toBe(
      total(['USER_WALLET', 'MERCHANT_BALANCE']) + total(['FEE_REVENUE']),
    );
  });
});

describe('applyPostingToBalance', () => {
  it.each<[AccountKind, bigint, bigint, bigint]>([
    ['USER_WALLET', 1000n, -1000n, 0n],
    ['USER_WALLET', 1000n, 1n, 1001n],
    ['USER_WALLET', -5n, 10n, 5n], // a credit always lands
    ['MERCHANT_BALANCE', 10n, -10n, 0n],
    ['RESERVE', 0n, 100n, -100n], // platform accounts may go negative
    ['IN_TRANSIT', 0n, 100n, -100n],
    ['FEE_REVENUE', 0n, -1n, -1n],
  ])('%s %s + posting %s → %s', (kind, balance, posting, next) => {
    expect(applyPostingToBalance(kind, balance, posting, 'CNY')).toBe(next);
  });

  it.each<[AccountKind, bigint, bigint]>([
    ['USER_WALLET', 999n, -1000n],
    ['USER_WALLET', 0n, -1n],
    ['MERCHANT_BALANCE', 0n, -1n],
  ])('refuses to overdraw %s %s by %s', (kind, balance, posting) => {
    expect(() => applyPostingToBalance(kind, balance, posting, 'CNY', 'user:u1:wallet')).toThrow(
      InsufficientFundsError,
    );
  });

  it('reports what was missing', () => {
    try {
      applyPostingToBalance('USER_WALLET', 999n, -1000n, 'CNY');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'INSUFFICIENT_FUNDS',
        details: { available: '999', required: '1000', currency: 'CNY' },
      });
    }
  });

  it('available = posted − pending holds', () => {
    expect(availableBalance(1000n, 300n)).toBe(700n);
    expect(() => applyPostingToBalance('USER_WALLET', availableBalance(1000n, 300n), -701n, 'CNY')).toThrow(
      InsufficientFundsError,
    );
  });
});
