// What a merchant payout costs: the withdrawal fee schedule of the configuration
// (walletConfig().withdrawalFee), without the customers' free quota, rounded up by the one
// fee function. Shown before confirming and checked again when confirming.
import { computeFee } from '@/ledger';
import { walletConfig } from '../config/wallet-config';

export type MerchantPayoutQuote = { amount: bigint; fee: bigint; total: bigint; arrives: bigint };

/** The schedule merchants pay: the withdrawal schedule with no free quota. */
export function merchantPayoutFeeSchedule() {
  const { freeQuota: _free, ...schedule } = walletConfig().withdrawalFee;
  return schedule;
}

export function quoteMerchantPayout(amount: bigint): MerchantPayoutQuote {
  const fee = computeFee(amount, merchantPayoutFeeSchedule());
  return { amount, fee, total: amount + fee, arrives: amount };
}
