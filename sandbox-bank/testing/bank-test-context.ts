// Shared set-up of the bank's integration tests: the API served over real HTTP on this run's
// database, a notice receiver, accounts of the test's own (so that other test files using
// the seeded accounts never change what a test expects), faults cleared after each test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { openSandboxAccount } from '../accounts/open-account';
import type { BankPool } from '../db/pool';
import { clearAllFaults } from '../faults/faults-store';
import { RESERVE_ACCOUNT_NUMBER } from '../seed-accounts';
import { startNoticeReceiver, type NoticeReceiver } from './notice-receiver';
import { serveSandboxBank, type ServedSandboxBank } from './serve-sandbox-bank';
import { signedBankClient } from './signed-bank-client';

export { readDebitCode } from './read-debit-code';

export const TEST_TIMEOUT_FAULT_MS = 1_500;

export type BankTestContext = {
  bank: ServedSandboxBank;
  pool: BankPool;
  api: ReturnType<typeof signedBankClient>;
  receiver: NoticeReceiver;
  /** A new customer account with `balance` fen (default ¥1,000.00). */
  openAccount(holderName?: string, balance?: bigint): Promise<string>;
  balanceOf(accountNumber: string): Promise<bigint>;
  reserveBalance(): Promise<bigint>;
};

export function setUpBankTestContext(): BankTestContext {
  const ctx = {} as BankTestContext;
  beforeAll(async () => {
    ctx.bank = await serveSandboxBank({ databaseUrl: testDatabaseUrl(), timeoutFaultMs: TEST_TIMEOUT_FAULT_MS });
    ctx.pool = ctx.bank.pool;
    ctx.api = signedBankClient(ctx.bank.url);
    ctx.receiver = await startNoticeReceiver();
    ctx.openAccount = (holderName = '测试客户', balance = 100_000n) =>
      openSandboxAccount(ctx.pool, { holderName, openingBalance: balance });
    ctx.balanceOf = async (accountNumber) => {
      const { rows } = await ctx.pool.query<{ balance: bigint }>(
        'SELECT balance FROM sandbox_bank.accounts WHERE account_number = $1',
        [accountNumber],
      );
      return rows[0]!.balance;
    };
    ctx.reserveBalance = () => ctx.balanceOf(RESERVE_ACCOUNT_NUMBER);
  });
  afterEach(async () => {
    await clearAllFaults(ctx.pool);
    ctx.receiver.respondWith(200);
    ctx.receiver.received.length = 0;
  });
  afterAll(async () => {
    await ctx.receiver?.close();
    await ctx.bank?.close();
  });
  return ctx;
}

let counter = 0;
/** A reference no other test uses. */
export function uniqueReference(prefix = 'ref'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
