// A merchant's balance from its ledger account merchant:<id>:balance (read on the primary):
// available to pay out, on hold for payouts the bank has not answered yet, and posted.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, merchantBalanceCode, type Currency } from '@/ledger';
import type { Db } from '../db';
import { getBalance } from '../stored-ledger';

export type MerchantBalance = {
  currency: Currency;
  available: bigint;
  onHold: bigint;
  pendingCredits: bigint;
  posted: bigint;
};

export async function getMerchantBalance(
  db: Db,
  merchantId: string,
  currency: Currency = DEFAULT_CURRENCY,
): Promise<MerchantBalance> {
  try {
    const b = await getBalance(db, merchantBalanceCode(merchantId), currency);
    return {
      currency,
      available: b.available,
      onHold: b.pendingDebits,
      pendingCredits: b.pendingCredits,
      posted: b.posted,
    };
  } catch (error) {
    // Approval opens the account; without one nothing was ever posted: a true zero.
    if (error instanceof AccountNotFoundError)
      return { currency, available: 0n, onHold: 0n, pendingCredits: 0n, posted: 0n };
    throw error;
  }
}
