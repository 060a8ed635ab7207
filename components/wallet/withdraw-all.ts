// "Withdraw all": the largest amount whose amount + fee fits in the available balance.
import { computeWithdrawalFee, type FeeSchedule } from '@/ledger';

export function maxWithdrawable(available: bigint, schedule: FeeSchedule, usedFreeQuota: bigint): bigint {
  let amount = available;
  // Each step removes at least the overshoot; the fee only shrinks as the amount does.
  for (let i = 0; i < 64 && amount > 0n; i++) {
    const over = amount + computeWithdrawalFee(amount, schedule, usedFreeQuota) - available;
    if (over <= 0n) return amount;
    amount -= over;
  }
  return amount > 0n ? amount : 0n;
}
