// The wallet's money flows end to end against the sandbox bank over real HTTP, with real
// signatures and the real job queue, on a database of its own (so that at the end the
// ledger's reserve can be compared with the bank's reserve account, which only these flows
// touch). Every ledger invariant is checked after each test.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, FEE_REVENUE_ACCOUNT, RESERVE_ACCOUNT, userWalletCode } from '@/ledger';
import { findAccount } from '@/sandbox-bank/accounts/read-accounts';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { setFault, type FaultSetting } from '@/sandbox-bank/faults/faults-store';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import { RESERVE_ACCOUNT_NUMBER } from '@/sandbox-bank/seed-accounts';
import type { Db } from '../db';
import { QUEUES } from '../jobs/job-queue';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { getBalance } from '../stored-ledger';
import { getOperationOrThrow } from './activity/get-operation-or-throw';
import { linkBankAccountThroughBank } from './testing/link-bank-account-through-bank';
import { removeBankAccount, setDefaultBankAccount } from './bank-accounts/manage-bank-accounts';
import { requestWithdrawal } from './operations/request-withdrawal';
import { settlePendingOperation } from './operations/settle-pending-operation';
import { startTopUp } from './operations/start-top-up';
import { transferToUser } from './operations/transfer-to-user';
import { createTestUser, TEST_PIN, WRONG_TEST_PIN } from './testing/wallet-fixtures';
import { startBankFlowHarness, type BankFlowHarness } from './testing/bank-flow-harness';
import type { AppDeps } from '../core/deps';

let db: Db;
let pool: BankPool;
let deps: AppDeps;
let harness: BankFlowHarness;

beforeAll(async () => {
  harness = await startBankFlowHarness('wallet_flows');
  ({ db, pool, deps } = harness);
});

afterEach(() => expectLedgerInvariants(db));

afterAll(() => harness?.close());

// ---------------------------------------------------------------------------------------

type Customer = { id: string; email: string; bankAccountId: string; accountNumber: string };

async function customer(name = '测试客户', bankBalance = 1_000_000n): Promise<Customer> {
  const user = await createTestUser(db, name);
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: bankBalance });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  return { ...user, bankAccountId: linked.id, accountNumber };
}

const wallet = async (userId: string) => getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY);
const bankBalance = async (accountNumber: string) => (await findAccount(pool, accountNumber))!.balance;
const operation = (id: string) => db.walletOperation.findUniqueOrThrow({ where: { id } });
const fault = (scope: string, setting: FaultSetting) => setFault(pool, scope, setting);

/** Top-up through the bank's authorisation (the customer types the code), then the bank's notices go out. */
async function topUp(c: Customer, amount: bigint): Promise<string> {
  const started = await startTopUp(deps, {
    userId: c.id,
    amount,
    bankAccountId: c.bankAccountId,
    idempotencyKey: randomUUID(),
  });
  if (started.next !== 'AUTHORISE') return started.operationId;
  const bankReference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
  await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
  await deliverDueNotices(pool);
  return started.operationId;
}

async function withdraw(c: Customer, amount: bigint, key = randomUUID()) {
  return requestWithdrawal(deps, {
    userId: c.id,
    amount,
    bankAccountId: c.bankAccountId,
    pin: TEST_PIN,
    idempotencyKey: key,
  });
}

// ---------------------------------------------------------------------------------------

describe('top-up through the bank', () => {
  it('is credited when the signed notice arrives; the bank account and the reserve move by the same amount', async () => {
    const c = await customer();
    const reserveBefore = await bankBalance(RESERVE_ACCOUNT_NUMBER);
    const id = await topUp(c, 10_000n);
    expect((await operation(id)).status).toBe('SUCCEEDED');
    expect((await wallet(c.id)).available).toBe(10_000n);
    expect(await bankBalance(c.accountNumber)).toBe(990_000n);
    expect((await bankBalance(RESERVE_ACCOUNT_NUMBER)) - reserveBefore).toBe(10_000n);
    const detail = await getOperationOrThrow(db, c.id, id);
    expect(detail.timeline.map((e) => e.type)).toEqual(['REQUESTED', 'AUTHORISED', 'SETTLED']);
  });

  it('sends the customer back to the checkout they came from, and nowhere else', async () => {
    const c = await customer();
    const checkout = '/pay/0195f7c2-8a4b-7c3d-9e1f-0123456789ab';
    const redirectOf = async (returnPath: string) => {
      const started = await startTopUp(deps, {
        userId: c.id,
        amount: 100n,
        bankAccountId: c.bankAccountId,
        idempotencyKey: randomUUID(),
        returnPath,
      });
      if (started.next !== 'AUTHORISE') throw new Error('expected the bank page');
      const bankReference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
      const done = await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
      if (!('requestId' in done)) throw new Error('the code was refused');
      return new URL(done.redirectUrl);
    };
    const back = await redirectOf(checkout);
    expect(back.pathname).toBe('/top-up/return');
    expect(back.searchParams.get('next')).toBe(checkout);
    expect(back.searchParams.get('status')).toBe('SUCCEEDED');
    expect((await redirectOf('https://evil.example/pay/x')).searchParams.has('next')).toBe(false);
  });

  it('enqueues its status-query job in the same transaction', async () => {
    const c = await customer();
    const started = await startTopUp(deps, {
      userId: c.id,
      amount: 500n,
      bankAccountId: c.bankAccountId,
      idempotencyKey: randomUUID(),
    });
    const jobs = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND data->>'operationId' = $2`,
      QUEUES.settleOperation,
      started.operationId,
    );
    expect(Number(jobs[0]!.n)).toBe(1);
  });

  it('a lost notice is found by the status query', async () => {
    const c = await customer();
    await fault(c.accountNumber, { mode: 'LOSE_NOTICE' });
    const id = await topUp(c, 20_000n);
    expect((await operation(id)).status).toBe('PENDING');
    expect(await settlePendingOperation(deps, id)).toBe('SETTLED');
    expect((await operation(id)).status).toBe('SUCCEEDED');
    expect((await wallet(c.id)).available).toBe(20_000n);
  });

  it('a declined top-up is FAILED with its reason and moves nothing', async () => {
    const c = await customer();
    await fault(c.accountNumber, { mode: 'DECLINE' });
    const id = await topUp(c, 30_000n);
    expect(await operation(id)).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    expect((await wallet(c.id)).posted).toBe(0n);
    expect(await bankBalance(c.accountNumber)).toBe(1_000_000n);
  });

  it('a bank that answers 500 fails the top-up at once and moves nothing', async () => {
    const c = await customer();
    await fault(c.accountNumber, { mode: 'ERROR_500', times: 1 });
    const id = await topUp(c, 30_000n);
    expect(await operation(id)).toMatchObject({ status: 'FAILED', failureReason: 'BANK_UNAVAILABLE' });
    expect((await wallet(c.id)).posted).toBe(0n);
  });

  it('the same idempotency key starts one top-up; another amount with it is refused', async () => {
    const c = await customer();
    const key = randomUUID();
    const input = { userId: c.id, amount: 1_000n, bankAccountId: c.bankAccountId, idempotencyKey: key };
    const [a, b] = await Promise.all([startTopUp(deps, input), startTopUp(deps, input)]);
    expect(a.operationId).toBe(b.operationId);
    expect(a.next === 'AUTHORISE' && b.next === 'AUTHORISE' && a.authorizeUrl === b.authorizeUrl).toBe(true);
    await expect(startTopUp(deps, { ...input, amount: 2_000n })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(1);
  });

  it('over the per-operation limit is refused with nothing written', async () => {
    const c = await customer();
    await expect(
      startTopUp(deps, {
        userId: c.id,
        amount: 5_000_001n,
        bankAccountId: c.bankAccountId,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'PER_OPERATION' });
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(0);
  });
});

describe('withdrawal', () => {
  it('holds amount + fee, then posts it when the bank pays: fee ¥0.10 on ¥50.00', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    const feesBefore = (await getBalance(db, FEE_REVENUE_ACCOUNT, DEFAULT_CURRENCY)).posted;
    const { operationId } = await withdraw(c, 5_000n);
    expect(await operation(operationId)).toMatchObject({ status: 'SUCCEEDED', fee: 10n });
    expect((await wallet(c.id)).available).toBe(4_990n);
    expect(await bankBalance(c.accountNumber)).toBe(1_000_000n - 10_000n + 5_000n);
    expect((await getBalance(db, FEE_REVENUE_ACCOUNT, DEFAULT_CURRENCY)).posted - feesBefore).toBe(10n);
  });

  it('a declined payout voids the hold: the balance is whole again', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await fault(c.accountNumber, { mode: 'DECLINE' });
    const { operationId } = await withdraw(c, 5_000n);
    expect(await operation(operationId)).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    const w = await wallet(c.id);
    expect([w.available, w.pendingDebits]).toEqual([10_000n, 0n]);
  });

  it('a bank timeout keeps the hold until the status query settles it', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await fault(c.accountNumber, { mode: 'TIMEOUT', times: 1 });
    const { operationId } = await withdraw(c, 5_000n);
    expect((await operation(operationId)).status).toBe('PENDING');
    expect((await wallet(c.id)).pendingDebits).toBe(5_010n);
    expect(await settlePendingOperation(deps, operationId)).toBe('SETTLED');
    expect((await operation(operationId)).status).toBe('SUCCEEDED');
    const w = await wallet(c.id);
    expect([w.available, w.pendingDebits]).toEqual([4_990n, 0n]);
  });

  it('a payout the bank never received (500) is sent again under the same reference, never voided blindly', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await fault(c.accountNumber, { mode: 'ERROR_500', times: 1 });
    const { operationId } = await withdraw(c, 5_000n);
    expect((await operation(operationId)).status).toBe('PENDING');
    expect(await settlePendingOperation(deps, operationId)).toBe('SETTLED');
    expect((await operation(operationId)).status).toBe('SUCCEEDED');
    expect(await bankBalance(c.accountNumber)).toBe(1_000_000n - 10_000n + 5_000n);
  });

  it('a payout answered later (delayed notice) is settled by the notice', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await fault(c.accountNumber, { mode: 'DELAY_NOTICE', delaySeconds: 1, times: 1 });
    const { operationId } = await withdraw(c, 5_000n);
    expect((await operation(operationId)).status).toBe('PENDING');
    await new Promise((r) => setTimeout(r, 1_200));
    const { processDuePayouts } = await import('@/sandbox-bank/requests/process-due-requests');
    await processDuePayouts(pool);
    await deliverDueNotices(pool);
    expect((await operation(operationId)).status).toBe('SUCCEEDED');
  });

  it('two concurrent withdrawals that together exceed the balance: exactly one succeeds', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    const results = await Promise.allSettled([withdraw(c, 6_000n), withdraw(c, 6_000n)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await db.walletOperation.count({ where: { userId: c.id, kind: 'WITHDRAWAL' } })).toBe(1);
    expect((await wallet(c.id)).available).toBe(10_000n - 6_000n - 10n);
  });

  it('a withdrawal whose amount is covered but whose fee is not writes nothing', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    const entriesBefore = await db.journalEntry.count();
    await expect(withdraw(c, 10_000n)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await db.walletOperation.count({ where: { userId: c.id, kind: 'WITHDRAWAL' } })).toBe(0);
    expect(await db.journalEntry.count()).toBe(entriesBefore);
    expect(await bankBalance(c.accountNumber)).toBe(990_000n);
  });

  it('the wrong password is refused and nothing is written', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await expect(
      requestWithdrawal(deps, {
        userId: c.id,
        amount: 100n,
        bankAccountId: c.bankAccountId,
        pin: WRONG_TEST_PIN,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'WRONG_PIN' });
    expect(await db.walletOperation.count({ where: { userId: c.id, kind: 'WITHDRAWAL' } })).toBe(0);
  });

  it('a fee other than the one shown is refused', async () => {
    const c = await customer();
    await topUp(c, 10_000n);
    await expect(
      requestWithdrawal(deps, {
        userId: c.id,
        amount: 1_000n,
        bankAccountId: c.bankAccountId,
        pin: TEST_PIN,
        idempotencyKey: randomUUID(),
        expectedFee: 0n,
      }),
    ).rejects.toMatchObject({ code: 'FEE_CHANGED' });
  });
});

describe('a crash loses nothing acknowledged (docs/security.md)', () => {
  it('a transfer whose connection is killed inside its transaction writes nothing; the retry with the same key applies it once', async () => {
    const a = await customer('断线甲');
    const b = await customer('断线乙');
    await topUp(a, 10_000n);
    const input = {
      userId: a.id,
      recipientEmail: b.email,
      amount: 1_000n,
      memo: null,
      idempotencyKey: randomUUID(),
      pin: TEST_PIN,
    };

    // Another session holds the payer's wallet row, so the transfer stops inside its
    // transaction (operation row written, ledger_apply waiting); then its backend is killed.
    const blocker = new pg.Client({ connectionString: harness.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM ledger_accounts WHERE code = $1 FOR UPDATE', [userWalletCode(a.id)]);
      // Its failure is taken as soon as it comes (a rejection left unhandled meanwhile fails the run).
      const transfer = transferToUser(deps, input).then(
        () => null,
        (error: unknown) => error,
      );
      let victim: number | undefined;
      for (let i = 0; i < 200 && victim === undefined; i++) {
        const { rows } = await blocker.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pg_backend_pid() = ANY (pg_blocking_pids(pid))',
        );
        victim = rows[0]?.pid;
        if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(victim, 'the transfer waiting inside its transaction').toBeDefined();
      await blocker.query('SELECT pg_terminate_backend($1)', [victim]);
      await blocker.query('ROLLBACK');
      // Not retried here: the connection broke mid-request, so only the client's retry with
      // its key may settle it.
      expect(await transfer, 'the transfer fails with its session').toBeInstanceOf(Error);
    } finally {
      await blocker.end();
    }
    expect(await db.walletOperation.count({ where: { userId: a.id, kind: 'TRANSFER' } })).toBe(0);
    expect((await wallet(a.id)).available).toBe(10_000n);
    expect((await wallet(b.id)).available).toBe(0n);

    // The client retries with the same key: applied once; and once more (its answer lost
    // after the commit): the same operation, no second movement.
    const first = await transferToUser(deps, input);
    const again = await transferToUser(deps, input);
    expect(again.operationId).toBe(first.operationId);
    expect(await db.walletOperation.count({ where: { userId: a.id, kind: 'TRANSFER' } })).toBe(1);
    expect((await wallet(a.id)).available).toBe(9_000n);
    expect((await wallet(b.id)).available).toBe(1_000n);
  });
});

describe('transfer and privacy', () => {
  it('moves money between users, notifies both sides, and a double submit moves it once', async () => {
    const a = await customer('赵甲');
    const b = await customer('钱乙');
    await topUp(a, 10_000n);
    const key = randomUUID();
    const input = {
      userId: a.id,
      recipientEmail: b.email,
      amount: 1_000n,
      memo: '<img src=x onerror=alert(1)>',
      idempotencyKey: key,
      pin: TEST_PIN,
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => transferToUser(deps, input)));
    expect(new Set(results.map((r) => r.operationId)).size).toBe(1);
    expect((await wallet(a.id)).available).toBe(9_000n);
    expect((await wallet(b.id)).available).toBe(1_000n);
    // Both sides are told, once each, however many times the request was replayed.
    const received = await db.notification.findMany({ where: { userId: b.id } });
    expect(received).toEqual([
      expect.objectContaining({ kind: 'TRANSFER_RECEIVED', operationId: results[0]!.operationId }),
    ]);
    const sent = await db.notification.findMany({ where: { userId: a.id, kind: { startsWith: 'TRANSFER' } } });
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'TRANSFER_SENT',
        operationId: results[0]!.operationId,
        params: { amount: '1000', currency: 'CNY', to: '钱乙' },
      }),
    ]);
    const seen = await getOperationOrThrow(db, b.id, results[0]!.operationId);
    expect(seen).toMatchObject({
      kind: 'TRANSFER_IN',
      amount: 1_000n,
      counterparty: '*甲',
      counterpartyContact: `${a.email[0]}***@${a.email.split('@')[1]}`,
      memo: input.memo,
    });
    const own = await getOperationOrThrow(db, a.id, results[0]!.operationId);
    expect(own).toMatchObject({
      kind: 'TRANSFER_OUT',
      counterpartyContact: `${b.email[0]}***@${b.email.split('@')[1]}`,
    });
  });

  it('to oneself, or beyond the balance, is refused with nothing written', async () => {
    const a = await customer('丙');
    await topUp(a, 1_000n);
    await expect(
      transferToUser(deps, {
        userId: a.id,
        recipientEmail: a.email,
        amount: 1n,
        memo: null,
        idempotencyKey: randomUUID(),
        pin: TEST_PIN,
      }),
    ).rejects.toMatchObject({
      code: 'SELF_TRANSFER',
    });
    const b = await customer('丁');
    await expect(
      transferToUser(deps, {
        userId: a.id,
        recipientEmail: b.email,
        amount: 1_001n,
        memo: null,
        idempotencyKey: randomUUID(),
        pin: TEST_PIN,
      }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
    });
    expect(await db.walletOperation.count({ where: { userId: a.id, kind: 'TRANSFER' } })).toBe(0);
  });

  it("another user's bank account (remove, make default, top up, withdraw), top-up or transfer answers NOT_FOUND (404)", async () => {
    const owner = await customer('戊');
    const other = await customer('己');
    const stranger = await customer('庚');
    const topUpId = await topUp(owner, 2_000n);
    const { operationId: transferId } = await transferToUser(deps, {
      userId: owner.id,
      recipientEmail: other.email,
      amount: 100n,
      memo: null,
      idempotencyKey: randomUUID(),
      pin: TEST_PIN,
    });
    await expect(getOperationOrThrow(db, stranger.id, topUpId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOperationOrThrow(db, stranger.id, transferId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOperationOrThrow(db, other.id, topUpId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      startTopUp(deps, {
        userId: stranger.id,
        amount: 100n,
        bankAccountId: owner.bankAccountId,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withdraw({ ...stranger, bankAccountId: owner.bankAccountId }, 100n)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(removeBankAccount(db, stranger.id, owner.bankAccountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setDefaultBankAccount(db, stranger.id, owner.bankAccountId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.bankAccount.count({ where: { id: owner.bankAccountId, removedAt: null, isDefault: true } })).toBe(
      1,
    );
    expect(await db.bankAccount.count({ where: { id: stranger.bankAccountId, isDefault: true } })).toBe(1);
  });
  // Linking itself (details, the texted code, strangers): bank-accounts/link-bank-account.integration.test.ts.
});

describe('the books agree with the bank', () => {
  it("after all of it, the ledger's reserve equals the bank's reserve balance", async () => {
    // Settle anything a test left pending (a started top-up that nobody authorised stays pending: no money moved).
    const reserveAtBank = await bankBalance(RESERVE_ACCOUNT_NUMBER);
    const reserveInLedger = await getBalance(db, RESERVE_ACCOUNT, DEFAULT_CURRENCY);
    // The reserve is an asset: the ledger's credit-normal sum is its negative.
    expect(-reserveInLedger.posted).toBe(reserveAtBank);
    expect(reserveAtBank).toBeGreaterThan(0n);
  });
});
