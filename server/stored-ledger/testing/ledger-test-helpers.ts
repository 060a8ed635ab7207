// Shared by the integration tests that move money: the invariant check each of their tests
// ends with, and a wallet funded from the reserve.
import { expect } from 'vitest';
import { buildJournalEntry, topUpPostings, userWalletCode, type Currency } from '@/ledger';
import { ensureAccounts } from '../accounts';
import { checkLedgerInvariants, formatInvariantReport } from '../check-invariants';
import type { DbClient } from '../../db';
import { postTransfer } from '../transfer';

/** Every invariant of the books holds; the failure message names what does not. */
export async function expectLedgerInvariants(db: DbClient): Promise<void> {
  const report = await checkLedgerInvariants(db);
  expect(report.ok, formatInvariantReport(report)).toBe(true);
}

/** Creates `userId`'s wallet and, when `amount` > 0, tops it up by `amount` from the reserve. */
export async function fundWallet(
  db: DbClient,
  userId: string,
  amount: bigint,
  currency: Currency = 'CNY',
): Promise<string> {
  await ensureAccounts(db, [{ code: userWalletCode(userId), currency }]);
  if (amount > 0n) {
    await postTransfer(
      db,
      buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId, amount, currency }) }),
    );
  }
  return userId;
}
