import { describe, expect, it } from 'vitest';
import { InvalidAmountError, InvalidFeeScheduleError } from './errors';
import {
  type FeeSchedule,
  MERCHANT_FEE,
  WITHDRAWAL_FEE,
  assertValidFeeSchedule,
  computeFee,
  computeWithdrawalFee,
  freeQuotaCovered,
} from './fees';
import { MAX_AMOUNT } from './money';

describe('computeFee', () => {
  it.each<[string, bigint, FeeSchedule, bigint]>([
    // Withdrawal 0.1%, min ¥0.10
    ['0.1% of ¥100.00', 10000n, WITHDRAWAL_FEE, 10n],
    ['0.1% of ¥100.01 rounds up', 10001n, WITHDRAWAL_FEE, 11n],
    ['0.1% of ¥100.99 rounds up', 10099n, WITHDRAWAL_FEE, 11n],
    ['0.1% of ¥101.00 exact', 10100n, WITHDRAWAL_FEE, 11n],
    ['0.1% of ¥101.01 rounds up', 10101n, WITHDRAWAL_FEE, 11n],
    ['0.1% of ¥110.00 exact', 11000n, WITHDRAWAL_FEE, 11n],
    ['0.1% of ¥110.01 rounds up', 11001n, WITHDRAWAL_FEE, 12n],
    ['0.1% of ¥1000.00', 100000n, WITHDRAWAL_FEE, 100n],
    ['min clamps ¥0.01', 1n, WITHDRAWAL_FEE, 10n],
    ['min clamps ¥50.00', 5000n, WITHDRAWAL_FEE, 10n],
    ['min clamps ¥99.99', 9999n, WITHDRAWAL_FEE, 10n],
    ['zero amount is free', 0n, WITHDRAWAL_FEE, 0n],
    ['0.1% of MAX', MAX_AMOUNT, WITHDRAWAL_FEE, MAX_AMOUNT / 1000n],
    // Merchant 0.6%
    ['0.6% of ¥100.00', 10000n, MERCHANT_FEE, 60n],
    ['0.6% of ¥88.88 rounds up (53.328)', 8888n, MERCHANT_FEE, 54n],
    ['0.6% of ¥0.01 rounds up to 1 fen', 1n, MERCHANT_FEE, 1n],
    ['0.6% of ¥1.00 (exactly 0.6 fen) rounds up', 100n, MERCHANT_FEE, 1n],
    ['0.6% of ¥5.00 exact', 500n, MERCHANT_FEE, 3n],
    // Max clamps
    ['max clamps', 1_000_000n, { rateBps: 100, maximum: 2500n }, 2500n],
    ['below max untouched', 100_000n, { rateBps: 100, maximum: 2500n }, 1000n],
    ['min = max is a flat fee', 123_456n, { rateBps: 100, minimum: 200n, maximum: 200n }, 200n],
    ['flat fee via minimum only', 123_456n, { minimum: 200n }, 200n],
    // ppm
    ['1 ppm of 1 rounds up', 1n, { ratePpm: 1 }, 1n],
    ['1 ppm of 1,000,000 exact', 1_000_000n, { ratePpm: 1 }, 1n],
    ['1 ppm of 1,000,001 rounds up', 1_000_001n, { ratePpm: 1 }, 2n],
    ['2500 ppm = 25 bps', 10000n, { ratePpm: 2500 }, 25n],
    ['0% with no minimum', 10000n, {}, 0n],
    ['100%', 777n, { rateBps: 10_000 }, 777n],
  ])('%s', (_label, amount, schedule, expected) => {
    expect(computeFee(amount, schedule)).toBe(expected);
  });

  it.each<[bigint]>([[-1n], [-10000n]])('refuses a negative amount %s', (amount) => {
    expect(() => computeFee(amount, WITHDRAWAL_FEE)).toThrow(InvalidAmountError);
  });

  it('refuses a number amount', () => {
    expect(() => computeFee(100 as unknown as bigint, WITHDRAWAL_FEE)).toThrow(InvalidAmountError);
  });
});

describe('fee schedule validation', () => {
  it.each<[string, FeeSchedule]>([
    ['both rates', { rateBps: 10, ratePpm: 1000 }],
    ['fractional bps', { rateBps: 0.5 }],
    ['negative bps', { rateBps: -1 }],
    ['bps over 100%', { rateBps: 10_001 }],
    ['ppm over 100%', { ratePpm: 1_000_001 }],
    ['NaN rate', { rateBps: Number.NaN }],
    ['Infinity rate', { ratePpm: Number.POSITIVE_INFINITY }],
    ['negative minimum', { minimum: -1n }],
    ['negative maximum', { maximum: -1n }],
    ['negative free quota', { freeQuota: -1n }],
    ['minimum above maximum', { minimum: 11n, maximum: 10n }],
    ['number minimum', { minimum: 10 as unknown as bigint }],
  ])('refuses %s', (_label, schedule) => {
    expect(() => assertValidFeeSchedule(schedule)).toThrow(InvalidFeeScheduleError);
    expect(() => computeFee(100n, schedule)).toThrow(InvalidFeeScheduleError);
  });

  it.each<[string, FeeSchedule]>([
    ['defaults: withdrawal', WITHDRAWAL_FEE],
    ['defaults: merchant', MERCHANT_FEE],
    ['empty', {}],
    ['min = max', { minimum: 5n, maximum: 5n }],
    ['0 bps', { rateBps: 0 }],
  ])('accepts %s', (_label, schedule) => {
    expect(() => assertValidFeeSchedule(schedule)).not.toThrow();
  });

  it('default schedules cannot be mutated', () => {
    expect(Object.isFrozen(WITHDRAWAL_FEE)).toBe(true);
    expect(Object.isFrozen(MERCHANT_FEE)).toBe(true);
  });
});

describe('computeWithdrawalFee with a free quota', () => {
  const schedule: FeeSchedule = { ...WITHDRAWAL_FEE, freeQuota: 100_000n }; // ¥1000 free per day

  it.each<[string, bigint, bigint, bigint, bigint]>([
    // label, amount, used today, free part, fee
    ['all within quota', 50_000n, 0n, 50_000n, 0n],
    ['exactly the quota', 100_000n, 0n, 100_000n, 0n],
    ['1 fen over the quota pays the minimum', 100_001n, 0n, 100_000n, 10n],
    ['part within, part charged (0.1% of ¥200)', 120_000n, 0n, 100_000n, 20n],
    ['remaining quota only', 50_000n, 80_000n, 20_000n, 30n], // 0.1% of ¥300 = 30 fen
    ['remaining quota rounds up on the rest', 30_001n, 80_000n, 20_000n, 11n], // 10.001 → 11
    ['quota used up', 50_000n, 100_000n, 0n, 50n],
    ['quota overused', 50_000n, 150_000n, 0n, 50n],
    ['small amount after quota pays the minimum', 100n, 100_000n, 0n, 10n],
  ])('%s', (_label, amount, used, free, fee) => {
    expect(freeQuotaCovered(amount, schedule, used)).toBe(free);
    expect(computeWithdrawalFee(amount, schedule, used)).toBe(fee);
  });

  it('without a free quota it is computeFee', () => {
    expect(computeWithdrawalFee(10001n, WITHDRAWAL_FEE, 0n)).toBe(11n);
    expect(computeWithdrawalFee(1n, WITHDRAWAL_FEE, 0n)).toBe(10n);
  });

  it('refuses a negative used quota', () => {
    expect(() => computeWithdrawalFee(100n, schedule, -1n)).toThrow(InvalidAmountError);
  });
});
