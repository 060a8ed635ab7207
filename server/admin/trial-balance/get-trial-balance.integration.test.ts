// The trial balance on a database of its own: lines per kind with counts, debit = credit,
// assets = liabilities + revenue + suspense, the largest accounts of a grouped line, admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CURRENCY,
  RESERVE_ACCOUNT,
  SUSPENSE_ACCOUNT,
  buildJournalEntry,
  merchantBalanceCode,
  payFromBalancePostings,
  topUpPostings,
  userWalletCode,
} from '@/ledger';
import { createFreshDatabase, type FreshDatabase } from '../../../scripts/db/test-database';
import { createDb, type Db } from '../../db';
import { ensureAccount, postTransfer } from '../../stored-ledger';
import { createTestUser } from '../../wallet/testing/wallet-fixtures';
import { enableTestTwoFactor } from '../testing/admin-fixtures';
import { checkBooks } from './check-books';
import { getTrialBalance, listLargestAccounts } from './get-trial-balance';

let database: FreshDatabase;
let db: Db;
let admin: string;
let customer: string;

beforeAll(async () => {
  database = await createFreshDatabase('trial_balance');
  db = createDb(database.url, 4);
  admin = (await createTestUser(db, '管理员')).id;
  await db.user.update({ where: { id: admin }, data: { role: 'ADMIN' } });
  await enableTestTwoFactor(db, admin);
  customer = (await createTestUser(db, '张三')).id;
  const other = (await createTestUser(db, '李四')).id;
  const merchantId = '01900000-0000-7000-8000-000000000001';
  await ensureAccount(db, merchantBalanceCode(merchantId), DEFAULT_CURRENCY);
  const post = (
    kind: 'TOP_UP' | 'PAYMENT' | 'WRITE_OFF',
    postings: Parameters<typeof buildJournalEntry>[0]['postings'],
  ) => postTransfer(db, buildJournalEntry({ kind, postings }));
  await post('TOP_UP', topUpPostings({ userId: customer, amount: 10_000n, currency: DEFAULT_CURRENCY }));
  await post('TOP_UP', topUpPostings({ userId: other, amount: 2_500n, currency: DEFAULT_CURRENCY }));
  await post(
    'PAYMENT',
    payFromBalancePostings({
      userId: customer,
      merchantId,
      amount: 4_000n,
      merchantFee: 24n,
      currency: DEFAULT_CURRENCY,
    }),
  );
  // Unidentified money at the bank written off: D reserve, C suspense.
  await post('WRITE_OFF', [
    { accountCode: RESERVE_ACCOUNT, amount: -777n, currency: DEFAULT_CURRENCY },
    { accountCode: SUSPENSE_ACCOUNT, amount: 777n, currency: DEFAULT_CURRENCY },
  ]);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('trial balance', () => {
  it('groups accounts by kind with debit and credit columns that agree', async () => {
    const [cny, ...others] = await getTrialBalance(db, admin);
    expect(others).toEqual([]);
    const line = (kind: string) => cny!.lines.find((l) => l.kind === kind)!;
    expect(line('RESERVE')).toMatchObject({ group: 'ASSETS', accounts: 1, debit: 13_277n, credit: 0n });
    // Three users (the admin's wallet is empty), two with money.
    expect(line('USER_WALLET')).toMatchObject({
      group: 'USER_LIABILITIES',
      accounts: 3,
      nonZero: 2,
      credit: 8_500n,
      debit: 0n,
    });
    expect(line('MERCHANT_BALANCE')).toMatchObject({ group: 'MERCHANT_LIABILITIES', accounts: 1, credit: 3_976n });
    expect(line('FEE_REVENUE')).toMatchObject({ group: 'REVENUE', credit: 24n });
    expect(line('SUSPENSE')).toMatchObject({ group: 'SUSPENSE', credit: 777n });
    expect(cny).toMatchObject({
      totalDebit: 13_277n,
      totalCredit: 13_277n,
      assets: 13_277n,
      userLiabilities: 8_500n,
      merchantLiabilities: 3_976n,
      revenue: 24n,
      suspense: 777n,
      balanced: true,
    });
  });

  it('drills into the largest wallets and checks the books live', async () => {
    const largest = await listLargestAccounts(db, admin, DEFAULT_CURRENCY, 'USER_WALLET', 2);
    expect(largest.map((a) => [a.ownerName, a.balance])).toEqual([
      ['张三', 6_000n],
      ['李四', 2_500n],
    ]);
    expect(largest[0]!.code).toBe(userWalletCode(customer));
    const report = await checkBooks(db, admin);
    expect(report.ok).toBe(true);
  });

  it('is for admins only', async () => {
    await expect(getTrialBalance(db, customer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listLargestAccounts(db, customer, DEFAULT_CURRENCY, 'USER_WALLET')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(checkBooks(db, customer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
