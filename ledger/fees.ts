// Fees: one pure function over a fee schedule (docs/design.md, "Money"). Integer-only: the rate
// is basis points or parts per million, never a float, and fees round UP to the
// minor unit (the platform never undercharges by a fraction of a fen).
import { InvalidAmountError, InvalidFeeScheduleError } from './errors';

export type FeeSchedule = {
  /** Rate in basis points (1 bp = 0.01%). Give at most one of rateBps / ratePpm. */
  readonly rateBps?: number | undefined;
  /** Rate in parts per million (1 ppm = 0.0001%). */
  readonly ratePpm?: number | undefined;
  /** Lowest fee in minor units once any fee is due. */
  readonly minimum?: bigint | undefined;
  /** Highest fee in minor units. */
  readonly maximum?: bigint | undefined;
  /** Amount per period (e.g. per day) that is free of fees; the caller tracks usage. */
  readonly freeQuota?: bigint | undefined;
};

const PPM = 1_000_000n;

/** Withdrawal: 0.1%, at least ¥0.10. Minimums are minor units of CNY. */
export const WITHDRAWAL_FEE: FeeSchedule = Object.freeze({ rateBps: 10, minimum: 10n });

/** Merchant fee on payments: 0.6%. */
export const MERCHANT_FEE: FeeSchedule = Object.freeze({ rateBps: 60 });

/** Throws InvalidFeeScheduleError unless the schedule is well formed. */
export function assertValidFeeSchedule(schedule: FeeSchedule): void {
  const { rateBps, ratePpm, minimum, maximum, freeQuota } = schedule;
  if (rateBps !== undefined && ratePpm !== undefined) {
    throw new InvalidFeeScheduleError('give rateBps or ratePpm, not both');
  }
  checkRate('rateBps', rateBps, 10_000);
  checkRate('ratePpm', ratePpm, 1_000_000);
  checkMinor('minimum', minimum);
  checkMinor('maximum', maximum);
  checkMinor('freeQuota', freeQuota);
  if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
    throw new InvalidFeeScheduleError('minimum exceeds maximum');
  }
}

/**
 * Fee for `amount` minor units: ceil(amount × rate), then clamped to
 * [minimum, maximum]. A zero amount costs nothing (the minimum applies only
 * when there is something to charge). Ignores freeQuota; see computeWithdrawalFee.
 */
export function computeFee(amount: bigint, schedule: FeeSchedule): bigint {
  assertValidFeeSchedule(schedule);
  checkAmount(amount);
  if (amount === 0n) return 0n;
  const ppm = ratePpm(schedule);
  let fee = (amount * ppm + PPM - 1n) / PPM; // ceiling division, amount ≥ 0
  if (schedule.minimum !== undefined && fee < schedule.minimum) fee = schedule.minimum;
  if (schedule.maximum !== undefined && fee > schedule.maximum) fee = schedule.maximum;
  return fee;
}

/** The part of `amount` covered by what is left of the free quota. */
export function freeQuotaCovered(amount: bigint, schedule: FeeSchedule, usedFreeQuota: bigint): bigint {
  assertValidFeeSchedule(schedule);
  checkAmount(amount);
  checkAmount(usedFreeQuota, 'usedFreeQuota');
  const remaining = (schedule.freeQuota ?? 0n) - usedFreeQuota;
  if (remaining <= 0n) return 0n;
  return amount < remaining ? amount : remaining;
}

/**
 * Withdrawal fee with a free quota (Alipay-style): the part of the amount within
 * the remaining quota is free, the rest is charged by computeFee (minimum included).
 */
export function computeWithdrawalFee(amount: bigint, schedule: FeeSchedule, usedFreeQuotaToday: bigint): bigint {
  const chargeable = amount - freeQuotaCovered(amount, schedule, usedFreeQuotaToday);
  return computeFee(chargeable, schedule);
}

function ratePpm(schedule: FeeSchedule): bigint {
  if (schedule.ratePpm !== undefined) return BigInt(schedule.ratePpm);
  if (schedule.rateBps !== undefined) return BigInt(schedule.rateBps) * 100n;
  return 0n;
}

function checkRate(name: string, rate: number | undefined, max: number): void {
  if (rate === undefined) return;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > max) {
    throw new InvalidFeeScheduleError(`${name} must be an integer from 0 to ${max}`);
  }
}

function checkMinor(name: string, value: bigint | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'bigint' || value < 0n) {
    throw new InvalidFeeScheduleError(`${name} must be a non-negative bigint`);
  }
}

function checkAmount(amount: bigint, field = 'amount'): void {
  if (typeof amount !== 'bigint') throw new InvalidAmountError('WRONG_TYPE', `${field} must be a bigint`, { field });
  if (amount < 0n) throw new InvalidAmountError('NEGATIVE', `${field} must not be negative`, { field });
}
