// What a withdrawal costs: the fee from the configured schedule (free quota counted from
// today's withdrawals) and what arrives at the bank. Shown before confirming, and checked
// again when confirming so nobody pays a fee they did not see.
import 'server-only';
import { computeWithdrawalFee, DEFAULT_CURRENCY } from '@/ledger';
import type { DbClient } from '../../db';
import { walletConfig } from '../../config/wallet-config';
import { usedToday } from './begin-operation';

export type WithdrawalQuote = { amount: bigint; fee: bigint; total: bigint; arrives: bigint };

export async function quoteWithdrawal(db: DbClient, userId: string, amount: bigint): Promise<WithdrawalQuote> {
  const schedule = walletConfig().withdrawalFee;
  const used = schedule.freeQuota ? await usedToday(db, userId, 'WITHDRAWAL', DEFAULT_CURRENCY) : 0n;
  const fee = computeWithdrawalFee(amount, schedule, used);
  return { amount, fee, total: amount + fee, arrives: amount };
}
