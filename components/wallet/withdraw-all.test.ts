import { describe, expect, it } from 'vitest';
import { computeWithdrawalFee, type FeeSchedule } from '@/ledger';
import { maxWithdrawable } from './withdraw-all';

const SCHEDULE: FeeSchedule = { rateBps: 10, minimum: 10n };

describe('maxWithdrawable', () => {
  it('¥100.00 available → ¥99.90 plus the ¥0.10 minimum fee', () => {
    expect(maxWithdrawable(10_000n, SCHEDULE, 0n)).toBe(9_990n);
  });

  it.each([[1_000_000n], [123_457n], [11n], [10n], [1n], [0n]])(
    'available %s: the largest amount that fits with its fee',
    (available) => {
      const amount = maxWithdrawable(available, SCHEDULE, 0n);
      if (amount > 0n) {
        expect(amount + computeWithdrawalFee(amount, SCHEDULE, 0n)).toBeLessThanOrEqual(available);
        // and one fen more would not fit
        expect(amount + 1n + computeWithdrawalFee(amount + 1n, SCHEDULE, 0n)).toBeGreaterThan(available);
      } else {
        expect(amount).toBe(0n);
      }
    },
  );

  it('uses the free quota', () => {
    expect(maxWithdrawable(5_000n, { ...SCHEDULE, freeQuota: 100_000n }, 0n)).toBe(5_000n);
  });
});
