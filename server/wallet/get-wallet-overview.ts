// What the home page shows about a user's wallet: available balance, money on its way in,
// money on hold. Read from the ledger account, on the primary.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, userWalletCode, type Currency } from '@/ledger';
import { db } from '../db';
import { getBalance } from '../stored-ledger';

export type WalletOverview = { currency: Currency; available: bigint; pendingCredits: bigint; onHold: bigint };

export async function getWalletOverview(
  userId: string,
  currency: Currency = DEFAULT_CURRENCY,
): Promise<WalletOverview> {
  const balance = await getBalance(db(), userWalletCode(userId), currency).catch((err: unknown) => {
    // No account in this currency yet means no postings: a true zero.
    if (err instanceof AccountNotFoundError) return { available: 0n, pendingCredits: 0n, pendingDebits: 0n };
    throw err;
  });
  return {
    currency,
    available: balance.available,
    pendingCredits: balance.pendingCredits,
    onHold: balance.pendingDebits,
  };
}
