// Reconciliation against the sandbox bank over real HTTP, on a database of its own (so the
// reserve is touched only by these scenarios): each break category produced by a crafted
// scenario and classified; two runs of one day at once; resolutions that act once; after all
// of them a re-run has no open break and the ledger's reserve equals the bank's closing balance.
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, SUSPENSE_ACCOUNT, buildJournalEntry, topUpPostings, userWalletCode } from '@/ledger';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import { createSandboxBankPool, type BankPool } from '@/sandbox-bank/db/pool';
import { DEV_CLIENT_SECRET, DEV_NOTICE_SECRET } from '@/sandbox-bank/env';
import { setFault } from '@/sandbox-bank/faults/faults-store';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import { serveSandboxBank } from '@/sandbox-bank/testing/serve-sandbox-bank';
import { createFreshDatabase, type FreshDatabase } from '../../scripts/db/test-database';
import type { BankGateway } from '../bank/bank-gateway';
import { SandboxBankGateway } from '../bank/sandbox-bank-gateway';
import { createDb, type Db } from '../db';
import { PgBossJobQueue, startPgBoss } from '../jobs/job-queue';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { getBalance, postTransfer } from '../stored-ledger';
import { linkBankAccountThroughBank } from '../wallet/testing/link-bank-account-through-bank';
import { requestWithdrawal } from '../wallet/operations/request-withdrawal';
import { startTopUp } from '../wallet/operations/start-top-up';
import { enableTestTwoFactor } from '../admin/testing/admin-fixtures';
import { createTestUser, serveWalletNotices, TEST_PIN } from '../wallet/testing/wallet-fixtures';
import type { AppDeps } from '../core/deps';
import { todayBusinessDate } from './business-date';
import { getRunOrThrow, listOpenBreakAlerts } from './read-reconciliation';
import { ReconciliationAlreadyRunningError } from './reconciliation-errors';
import { resolveBreak } from './resolve-break';
import { runReconciliation } from './run-reconciliation';
import { DAILY_RECONCILIATION_CRON, runDailyReconciliation, startReconciliationWorker } from './reconciliation-worker';

let database: FreshDatabase;
let db: Db;
let pool: BankPool;
let boss: PgBoss;
let closers: (() => Promise<void>)[] = [];
let deps: AppDeps;
let admin: { id: string };
const today = todayBusinessDate();

beforeAll(async () => {
  database = await createFreshDatabase('reconciliation');
  const bank = await serveSandboxBank({ databaseUrl: database.url, timeoutFaultMs: 3_000 });
  db = createDb(database.url, 10);
  pool = createSandboxBankPool(database.url, 5);
  const notices = await serveWalletNotices(() => deps, DEV_NOTICE_SECRET);
  boss = await startPgBoss(database.url, { supervise: false, schedule: false });
  closers = [bank.close, notices.close];
  deps = {
    db,
    bank: new SandboxBankGateway({ baseUrl: bank.url, clientSecret: DEV_CLIENT_SECRET, timeoutMs: 5_000 }),
    jobs: new PgBossJobQueue(boss),
    appUrl: notices.appUrl,
  };
  const a = await createTestUser(db, '管理员');
  admin = await db.user.update({ where: { id: a.id }, data: { role: 'ADMIN' }, select: { id: true } });
  await enableTestTwoFactor(db, admin.id);
}, 60_000);

afterEach(() => expectLedgerInvariants(db));

afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  for (const close of closers) await close();
  await pool?.end();
  await db?.$disconnect();
  await database?.drop();
});

// ---------------------------------------------------------------------------------------

type Customer = { id: string; bankAccountId: string; accountNumber: string };

async function customer(name = '对账客户'): Promise<Customer> {
  const user = await createTestUser(db, name);
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 1_000_000n });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  return { id: user.id, bankAccountId: linked.id, accountNumber };
}

async function topUp(c: Customer, amount: bigint): Promise<string> {
  const started = await startTopUp(deps, {
    userId: c.id,
    amount,
    bankAccountId: c.bankAccountId,
    idempotencyKey: randomUUID(),
  });
  if (started.next !== 'AUTHORISE') throw new Error('expected the bank page');
  await authorise(new URL(started.authorizeUrl).pathname.split('/').pop()!);
  return started.operationId;
}

async function authorise(bankReference: string) {
  await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
  await deliverDueNotices(pool);
}

/** A debit the wallet never asked for (or asked for under a crafted operation), authorised at the bank. */
async function bankDebit(c: Customer, reference: string, amount: bigint): Promise<string> {
  const { bankReference } = await deps.bank.createDebit({
    reference,
    accountNumber: c.accountNumber,
    amount,
    currency: DEFAULT_CURRENCY,
    payee: '钱包平台',
    description: 'crafted',
    returnUrl: 'http://127.0.0.1/return',
    notifyUrl: 'http://127.0.0.1:9/unreachable',
  });
  await authorise(bankReference);
  return bankReference;
}

/** A top-up row in the wallet with its own status and (when booked) a ledger entry of `booked`. */
async function craftedTopUp(
  c: Customer,
  status: 'SUCCEEDED' | 'FAILED',
  amount: bigint,
  booked: bigint | null,
): Promise<string> {
  const id = randomUUID();
  let ledgerEntryId: string | null = null;
  if (booked !== null) {
    const entry = buildJournalEntry({
      kind: 'TOP_UP',
      postings: topUpPostings({ userId: c.id, amount: booked, currency: DEFAULT_CURRENCY }),
      idempotencyKey: `crafted:${id}`,
      metadata: { operationId: id },
    });
    ledgerEntryId = (await postTransfer(db, entry, { idempotencyScope: 'wallet' })).entryId;
  }
  await db.walletOperation.create({
    data: {
      id,
      userId: c.id,
      kind: 'TOP_UP',
      status,
      currency: DEFAULT_CURRENCY,
      amount,
      bankAccountId: c.bankAccountId,
      ledgerEntryId,
      idempotencyKey: randomUUID(),
      requestHash: 'crafted',
      completedAt: new Date(),
    },
  });
  return id;
}

const run = () => runReconciliation(deps, { date: today, trigger: 'MANUAL', actorId: admin.id });
const breaksOf = async (runId: string) => (await getRunOrThrow(db, admin.id, runId)).breaks;
const walletBalance = async (userId: string) => (await getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY)).posted;

// ---------------------------------------------------------------------------------------

const refs: Record<string, string> = {};
let lostTopUpCustomer: Customer;

describe('classification', () => {
  it('finds each category by a crafted scenario and counts the matched lines', async () => {
    const c = await customer();
    refs.matched = await topUp(c, 10_000n);

    // A lost top-up notice: the bank moved the money, the operation is still PENDING.
    lostTopUpCustomer = await customer('丢通知');
    await setFault(pool, lostTopUpCustomer.accountNumber, { mode: 'LOSE_NOTICE', times: 1 });
    refs.lostTopUp = await topUp(lostTopUpCustomer, 12_300n);
    expect((await db.walletOperation.findUniqueOrThrow({ where: { id: refs.lostTopUp } })).status).toBe('PENDING');

    // Money in at the bank under a reference the wallet never made.
    refs.stray = `stray-${randomUUID()}`;
    refs.strayBank = await bankDebit(c, refs.stray, 777n);

    // A payout done at the bank whose answer and notice were lost: PENDING in the wallet.
    await setFault(pool, c.accountNumber, { mode: 'LOSE_NOTICE', times: 1 });
    refs.payout = (
      await requestWithdrawal(deps, {
        userId: c.id,
        amount: 2_000n,
        bankAccountId: c.bankAccountId,
        pin: TEST_PIN,
        idempotencyKey: randomUUID(),
      })
    ).operationId;
    expect((await db.walletOperation.findUniqueOrThrow({ where: { id: refs.payout } })).status).toBe('PENDING');

    // The wallet booked 4,000 where the bank moved 5,000.
    refs.amount = await craftedTopUp(c, 'SUCCEEDED', 5_000n, 4_000n);
    await bankDebit(c, refs.amount, 5_000n);

    // Booked in the wallet, never seen by the bank.
    refs.atBank = await craftedTopUp(c, 'SUCCEEDED', 3_000n, 3_000n);

    // FAILED in the wallet, money moved at the bank.
    refs.failed = await craftedTopUp(c, 'FAILED', 600n, null);
    await bankDebit(c, refs.failed, 600n);

    const summary = await run();
    const breaks = await breaksOf(summary.runId);
    const categoryOf = (ref: string) => breaks.filter((b) => b.reference === ref).map((b) => b.category);
    expect(categoryOf(refs.matched)).toEqual([]);
    expect(categoryOf(refs.lostTopUp)).toEqual(['MISSING_IN_LEDGER']);
    expect(categoryOf(refs.stray)).toEqual(['MISSING_IN_LEDGER']);
    expect(categoryOf(refs.payout)).toEqual(['STATUS_MISMATCH']);
    expect(categoryOf(refs.amount)).toEqual(['AMOUNT_MISMATCH']);
    expect(categoryOf(refs.atBank)).toEqual(['MISSING_AT_BANK']);
    expect(categoryOf(refs.failed)).toEqual(['STATUS_MISMATCH']);
    expect(summary.breakCount).toBe(6);
    expect(summary.matched).toBe(1);
    expect(summary.bankLineCount).toBe(6); // matched, lost, stray, payout, amount, failed

    const lost = breaks.find((b) => b.reference === refs.lostTopUp)!;
    expect(lost.bankAmount).toBe(12_300n);
    expect(lost.bankReference).toMatch(/^SB/);
    expect(lost.operationStatus).toBe('PENDING');
    const amount = breaks.find((b) => b.reference === refs.amount)!;
    expect([amount.bankAmount, amount.ledgerAmount]).toEqual([5_000n, 4_000n]);
    const payout = breaks.find((b) => b.reference === refs.payout)!;
    expect(payout.bankAmount).toBe(-2_000n);
    // The reserve differs from the bank by what the breaks say.
    expect(summary.bankClosingBalance - summary.ledgerClosingBalance).toBe(
      12_300n + 777n - 2_000n + 1_000n - 3_000n + 600n,
    );
    expect(await listOpenBreakAlerts(db, admin.id)).toEqual([
      expect.objectContaining({ runId: summary.runId, businessDate: today, openBreaks: 6 }),
    ]);
  });

  it('two runs of the same day at once: one proceeds, the other is told it is already running', async () => {
    const slowBank: BankGateway = Object.assign(Object.create(deps.bank) as BankGateway, {
      reserveStatement: async (date: string) => {
        await new Promise((r) => setTimeout(r, 500));
        return deps.bank.reserveStatement(date);
      },
    });
    const before = await db.reconciliationRun.count();
    const results = await Promise.allSettled([
      runReconciliation({ db, bank: slowBank }, { date: today, trigger: 'MANUAL', actorId: admin.id }),
      runReconciliation({ db, bank: slowBank }, { date: today, trigger: 'MANUAL', actorId: admin.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ReconciliationAlreadyRunningError);
    expect(await db.reconciliationRun.count()).toBe(before + 1);
  });

  it("yesterday holds none of today's movements, on either side", async () => {
    const yesterday = new Date(Date.now() - 86_400_000);
    const date = todayBusinessDate(yesterday);
    const summary = await runReconciliation(deps, { date, trigger: 'MANUAL', actorId: admin.id });
    expect(summary).toMatchObject({
      date,
      bankLineCount: 0,
      ledgerEntryCount: 0,
      matched: 0,
      breakCount: 0,
      bankClosingBalance: 0n,
      ledgerClosingBalance: 0n,
    });
  });

  it('refuses a day in the future or a malformed one, and stores nothing', async () => {
    const before = await db.reconciliationRun.count();
    await expect(
      runReconciliation(deps, { date: '2999-01-01', trigger: 'MANUAL', actorId: admin.id }),
    ).rejects.toMatchObject({ code: 'INVALID_BUSINESS_DATE' });
    await expect(
      runReconciliation(deps, { date: '2026-02-30', trigger: 'MANUAL', actorId: admin.id }),
    ).rejects.toMatchObject({ code: 'INVALID_BUSINESS_DATE' });
    expect(await db.reconciliationRun.count()).toBe(before);
  });
});

describe('resolution', () => {
  it('books the lost top-up once although clicked twice at once; a re-run matches it', async () => {
    const { runId } = await run();
    const lost = (await breaksOf(runId)).find((b) => b.reference === refs.lostTopUp)!;
    const before = await walletBalance(lostTopUpCustomer.id);
    const results = await Promise.all([
      resolveBreak(deps, { breakId: lost.id, actorId: admin.id, action: 'BOOK_FROM_BANK' }),
      resolveBreak(deps, { breakId: lost.id, actorId: admin.id, action: 'BOOK_FROM_BANK' }),
    ]);
    expect(results[0].resolution.id).toBe(results[1].resolution.id);
    expect(results.filter((r) => !r.alreadyResolved)).toHaveLength(1);
    expect((await walletBalance(lostTopUpCustomer.id)) - before).toBe(12_300n);
    const entries = await db.journalEntry.count({ where: { idempotencyKey: `operation:${refs.lostTopUp}:settle` } });
    expect(entries).toBe(1);
    // A third click later: the same resolution, nothing booked.
    const again = await resolveBreak(deps, { breakId: lost.id, actorId: admin.id, action: 'BOOK_FROM_BANK' });
    expect(again.alreadyResolved).toBe(true);
    expect((await walletBalance(lostTopUpCustomer.id)) - before).toBe(12_300n);

    const audit = await db.auditEvent.findMany({ where: { targetId: lost.id } });
    expect(audit.map((a) => a.action)).toEqual(['reconciliation.book_from_bank']);
    const rerun = await run();
    expect((await breaksOf(rerun.runId)).filter((b) => b.reference === refs.lostTopUp)).toEqual([]);
  });

  it('settles the payout the bank completed; refuses a write-off without a note or an action that does not fit', async () => {
    const { runId } = await run();
    const breaks = await breaksOf(runId);
    const payout = breaks.find((b) => b.reference === refs.payout)!;
    await expect(
      resolveBreak(deps, { breakId: payout.id, actorId: admin.id, action: 'WRITE_OFF', note: 'x' }),
    ).rejects.toMatchObject({ code: 'RESOLUTION_NOT_APPLICABLE' });
    await resolveBreak(deps, { breakId: payout.id, actorId: admin.id, action: 'BOOK_FROM_BANK' });
    expect((await db.walletOperation.findUniqueOrThrow({ where: { id: refs.payout } })).status).toBe('SUCCEEDED');

    const stray = breaks.find((b) => b.reference === refs.stray)!;
    await expect(
      resolveBreak(deps, { breakId: stray.id, actorId: admin.id, action: 'BOOK_FROM_BANK' }),
    ).rejects.toMatchObject({ code: 'RESOLUTION_NOT_APPLICABLE' });
    await expect(
      resolveBreak(deps, { breakId: stray.id, actorId: admin.id, action: 'WRITE_OFF', note: '   ' }),
    ).rejects.toMatchObject({ code: 'RESOLUTION_NOT_APPLICABLE' });
  });

  it('writes off what cannot be completed against suspense, once per item; then no open break and the reserve equals the bank', async () => {
    const { runId } = await run();
    const open = (await getRunOrThrow(db, admin.id, runId)).breaks.filter((b) => !b.resolution);
    expect(open.map((b) => b.reference).sort()).toEqual([refs.stray, refs.amount, refs.atBank, refs.failed].sort());
    const suspenseBefore = (await getBalance(db, SUSPENSE_ACCOUNT, DEFAULT_CURRENCY)).posted;
    for (const b of open) {
      const [first, second] = await Promise.all([
        resolveBreak(deps, {
          breakId: b.id,
          actorId: admin.id,
          action: 'WRITE_OFF',
          note: `核对后核销 ${b.reference}`,
        }),
        resolveBreak(deps, { breakId: b.id, actorId: admin.id, action: 'WRITE_OFF', note: 'second click' }),
      ]);
      expect(first.resolution.id).toBe(second.resolution.id);
    }
    const writeOffs = await db.journalEntry.findMany({ where: { kind: 'WRITE_OFF' } });
    expect(writeOffs).toHaveLength(4);
    // Suspense holds the other side: +777 +1,000 −3,000 +600 moved into the reserve.
    expect((await getBalance(db, SUSPENSE_ACCOUNT, DEFAULT_CURRENCY)).posted - suspenseBefore).toBe(
      777n + 1_000n - 3_000n + 600n,
    );

    const rerun = await run();
    const view = await getRunOrThrow(db, admin.id, rerun.runId);
    expect(view.openBreaks).toBe(0);
    expect(view.breaks.every((b) => b.resolution?.action === 'WRITE_OFF' && b.resolution.actorName === '管理员')).toBe(
      true,
    );
    expect(rerun.ledgerClosingBalance).toBe(rerun.bankClosingBalance);
    expect(await listOpenBreakAlerts(db, admin.id)).toEqual([]);
  });

  it('the daily job reconciles the previous Shanghai day, on a schedule in Shanghai time', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const summary = await runDailyReconciliation({ db, bank: deps.bank }, tomorrow);
    expect(summary?.date).toBe(today);
    const stored = await db.reconciliationRun.findUniqueOrThrow({ where: { id: summary!.runId } });
    expect([stored.trigger, stored.startedById, stored.status]).toEqual(['SCHEDULED', null, 'COMPLETED']);
    await startReconciliationWorker(boss);
    const schedules = await db.$queryRawUnsafe<{ cron: string; timezone: string }[]>(
      `SELECT cron, timezone FROM pgboss.schedule WHERE name = 'reconciliation-daily'`,
    );
    expect(schedules).toEqual([{ cron: DAILY_RECONCILIATION_CRON, timezone: 'Asia/Shanghai' }]);
  });

  it('a customer can neither run, read nor resolve (role read from the database)', async () => {
    const customerUser = await createTestUser(db, '普通客户');
    const anyBreak = await db.reconciliationBreak.findFirstOrThrow();
    await expect(
      runReconciliation(deps, { date: today, trigger: 'MANUAL', actorId: customerUser.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getRunOrThrow(db, customerUser.id, anyBreak.runId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listOpenBreakAlerts(db, customerUser.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      resolveBreak(deps, { breakId: anyBreak.id, actorId: customerUser.id, action: 'WRITE_OFF', note: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('runs, breaks and resolutions cannot be changed at the database', async () => {
    await expect(db.$executeRawUnsafe(`UPDATE reconciliation_resolutions SET note = 'changed'`)).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM reconciliation_breaks`)).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE reconciliation_runs SET break_count = 0`)).rejects.toThrow();
  });
});
