// The merchant's settlement bank account if it is still linked by the merchant's user, masked
// for display (bank name and last four digits), or null.
import 'server-only';
import type { Db } from '../db';
import { lastFour } from '../../lib/text/mask';

export async function findSettlementAccount(
  db: Db,
  merchant: { userId: string; settlementBankAccountId: string | null },
) {
  if (!merchant.settlementBankAccountId) return null;
  const account = await db.bankAccount.findFirst({
    where: { id: merchant.settlementBankAccountId, userId: merchant.userId, removedAt: null },
  });
  return account
    ? {
        id: account.id,
        bankName: account.bankName,
        lastFour: lastFour(account.accountNumber),
        holderName: account.holderName,
      }
    : null;
}
