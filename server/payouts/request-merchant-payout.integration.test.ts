// Merchant payouts end to end against the sandbox bank over real HTTP (real signatures, real
// job queue), on a database of their own: the hold of amount + fee on the merchant's balance,
// success and failure through the bank, what is refused with nothing written, and at the end
// the merchant's balance = paid − fees − refunds − payouts. Invariants checked after each test.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, FEE_REVENUE_ACCOUNT, merchantBalanceCode } from '@/ledger';
import { findAccount } from '@/sandbox-bank/accounts/read-accounts';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { setFault, type FaultSetting } from '@/sandbox-bank/faults/faults-store';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import type { Db } from '../db';
import { QUEUES } from '../jobs/job-queue';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { ensureAccount, getBalance } from '../stored-ledger';
import { newWebhookSecret } from '../merchants/api-keys';
import { createOrder } from '../orders/create-order';
import { payOrderFromBalance } from '../orders/pay-order-from-balance';
import { refundOrder } from '../orders/refund-order';
import { linkBankAccountThroughBank } from '../wallet/testing/link-bank-account-through-bank';
import { settlePendingOperation } from '../wallet/operations/settle-pending-operation';
import { startTopUp } from '../wallet/operations/start-top-up';
import { createTestUser, TEST_PIN, WRONG_TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { startBankFlowHarness, type BankFlowHarness } from '../wallet/testing/bank-flow-harness';
import type { AppDeps } from '../core/deps';
import { quoteMerchantPayout } from './merchant-payout-quote';
import { requestMerchantPayout } from './request-merchant-payout';

let db: Db;
let pool: BankPool;
let deps: AppDeps;
let harness: BankFlowHarness;

beforeAll(async () => {
  harness = await startBankFlowHarness('merchant_payouts');
  ({ db, pool, deps } = harness);
});

afterEach(() => expectLedgerInvariants(db));

afterAll(() => harness?.close());

// ---------------------------------------------------------------------------------------

type TestMerchant = { id: string; userId: string; accountNumber: string };

/** An approved merchant whose user linked a sandbox account as settlement account. */
async function merchant(name = '测试商户'): Promise<TestMerchant> {
  const owner = await createTestUser(db, name);
  await db.user.update({ where: { id: owner.id }, data: { role: 'MERCHANT' } });
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 0n });
  const linked = await linkBankAccountThroughBank(deps, pool, owner.id, accountNumber);
  const row = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: `${name}的店`,
      status: 'APPROVED',
      settlementBankAccountId: linked.id,
      webhookSecret: newWebhookSecret(),
      webhookUrl: 'https://shop.example/hooks',
    },
  });
  await ensureAccount(db, merchantBalanceCode(row.id), DEFAULT_CURRENCY);
  return { id: row.id, userId: owner.id, accountNumber };
}

/** A customer with money in the wallet (topped up through the bank's authorisation page). */
async function customer(walletBalance: bigint): Promise<{ id: string }> {
  const user = await createTestUser(db, '付款人');
  const accountNumber = await openSandboxAccount(pool, { holderName: '付款人', openingBalance: 10_000_000n });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  const started = await startTopUp(deps, {
    userId: user.id,
    amount: walletBalance,
    bankAccountId: linked.id,
    idempotencyKey: randomUUID(),
  });
  if (started.next !== 'AUTHORISE') throw new Error('top-up did not start');
  const bankReference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
  await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
  await deliverDueNotices(pool);
  return user;
}

/** A paid order of `amount` (paid from a customer's balance): the merchant receives amount − 0.6 %. */
async function paidOrder(m: TestMerchant, amount: bigint) {
  const payer = await customer(amount);
  const order = await createOrder(db, {
    merchantId: m.id,
    merchantOrderNo: `P-${randomUUID()}`,
    amount,
    currency: DEFAULT_CURRENCY,
    subject: '测试商品',
    notifyUrl: null,
    returnUrl: null,
    expiresInSeconds: 1_800,
  });
  await payOrderFromBalance(deps, { userId: payer.id, orderId: order.id, pin: TEST_PIN, idempotencyKey: randomUUID() });
  return db.order.findUniqueOrThrow({ where: { id: order.id } });
}

const payout = (m: TestMerchant, amount: bigint, extra: Partial<Parameters<typeof requestMerchantPayout>[1]> = {}) =>
  requestMerchantPayout(deps, {
    merchantId: m.id,
    userId: m.userId,
    amount,
    pin: TEST_PIN,
    idempotencyKey: randomUUID(),
    ...extra,
  });
const balanceOf = (m: TestMerchant) => getBalance(db, merchantBalanceCode(m.id), DEFAULT_CURRENCY);
const bankBalance = async (accountNumber: string) => (await findAccount(pool, accountNumber))!.balance;
const operation = (id: string) => db.walletOperation.findUniqueOrThrow({ where: { id } });
const fault = (scope: string, setting: FaultSetting) => setFault(pool, scope, setting);
const feeRevenue = async () => (await getBalance(db, FEE_REVENUE_ACCOUNT, DEFAULT_CURRENCY)).posted;

// ---------------------------------------------------------------------------------------

describe('merchant payout', () => {
  it('holds amount + fee on the merchant balance, then posts it when the bank pays; the merchant is told', async () => {
    const m = await merchant();
    await paidOrder(m, 100_000n); // merchant receives 100000 − 600
    expect((await balanceOf(m)).available).toBe(99_400n);
    const feesBefore = await feeRevenue();

    const { operationId } = await payout(m, 50_000n, { expectedFee: 50n });

    expect(await operation(operationId)).toMatchObject({
      kind: 'PAYOUT',
      status: 'SUCCEEDED',
      amount: 50_000n,
      fee: 50n,
      userId: m.userId,
      merchantId: m.id,
    });
    const b = await balanceOf(m);
    expect([b.available, b.pendingDebits, b.posted]).toEqual([99_400n - 50_050n, 0n, 99_400n - 50_050n]);
    expect(await bankBalance(m.accountNumber)).toBe(50_000n);
    expect((await feeRevenue()) - feesBefore).toBe(50n);
    const events = await db.webhookEvent.findMany({ where: { merchantId: m.id, type: { startsWith: 'payout.' } } });
    expect(events.map((e) => [e.type, e.url])).toEqual([['payout.succeeded', 'https://shop.example/hooks']]);
    expect(await db.notification.count({ where: { userId: m.userId, kind: 'PAYOUT_PAID', operationId } })).toBe(1);
  });

  it('the hold and the status-query job are written in the request transaction; a bank timeout keeps the hold until the query settles it', async () => {
    const m = await merchant();
    await paidOrder(m, 20_000n); // 19880 available
    await fault(m.accountNumber, { mode: 'TIMEOUT', times: 1 });

    const { operationId } = await payout(m, 10_000n);

    const op = await operation(operationId);
    expect(op.status).toBe('PENDING');
    expect(op.holdId).not.toBeNull();
    const held = await balanceOf(m);
    expect([held.available, held.pendingDebits, held.posted]).toEqual([19_880n - 10_010n, 10_010n, 19_880n]);
    const jobs = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.settleOperation} AND data->>'operationId' = ${operationId}`;
    expect(Number(jobs[0]!.n)).toBe(1);

    expect(await settlePendingOperation(deps, operationId)).toBe('SETTLED');
    expect((await operation(operationId)).status).toBe('SUCCEEDED');
    const after = await balanceOf(m);
    expect([after.available, after.pendingDebits]).toEqual([19_880n - 10_010n, 0n]);
    expect(await bankBalance(m.accountNumber)).toBe(10_000n);
  });

  it('a declined payout voids the hold: the balance is whole again and payout.failed is recorded', async () => {
    const m = await merchant();
    await paidOrder(m, 20_000n);
    await fault(m.accountNumber, { mode: 'DECLINE' });

    const { operationId } = await payout(m, 10_000n);

    expect(await operation(operationId)).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    const b = await balanceOf(m);
    expect([b.available, b.pendingDebits, b.posted]).toEqual([19_880n, 0n, 19_880n]);
    expect(await bankBalance(m.accountNumber)).toBe(0n);
    expect(
      (await db.webhookEvent.findMany({ where: { merchantId: m.id, type: { startsWith: 'payout.' } } })).map(
        (e) => e.type,
      ),
    ).toEqual(['payout.failed']);
    await fault(m.accountNumber, null);
  });

  it('above the available balance (or covered without its fee) is refused and nothing is written', async () => {
    const m = await merchant();
    await paidOrder(m, 10_000n); // 9940 available
    const entriesBefore = await db.journalEntry.count();
    const jobsBefore = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.settleOperation}`;

    await expect(payout(m, 20_000n)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(payout(m, 9_940n)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' }); // the fee does not fit

    expect(await db.walletOperation.count({ where: { merchantId: m.id, kind: 'PAYOUT' } })).toBe(0);
    expect(await db.journalEntry.count()).toBe(entriesBefore);
    const jobsAfter = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.settleOperation}`;
    expect(jobsAfter[0]!.n).toBe(jobsBefore[0]!.n);
    expect((await balanceOf(m)).available).toBe(9_940n);
    expect(await bankBalance(m.accountNumber)).toBe(0n);
  });

  it('the wrong password, a fee other than the one shown, or another user asking are refused with nothing written', async () => {
    const m = await merchant();
    const other = await merchant('别的商户');
    await paidOrder(m, 10_000n);
    await expect(payout(m, 1_000n, { pin: WRONG_TEST_PIN })).rejects.toMatchObject({ code: 'WRONG_PIN' });
    await expect(payout(m, 1_000n, { expectedFee: 0n })).rejects.toMatchObject({ code: 'FEE_CHANGED' });
    await expect(payout(m, 1_000n, { userId: other.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.walletOperation.count({ where: { merchantId: m.id, kind: 'PAYOUT' } })).toBe(0);
    expect((await balanceOf(m)).available).toBe(9_940n);
  });

  it('the same idempotency key pays out once; a settlement account no longer linked is refused', async () => {
    const m = await merchant();
    await paidOrder(m, 10_000n);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      payout(m, 1_000n, { idempotencyKey: key }),
      payout(m, 1_000n, { idempotencyKey: key }),
    ]);
    expect(a.operationId).toBe(b.operationId);
    expect(await db.walletOperation.count({ where: { merchantId: m.id, kind: 'PAYOUT' } })).toBe(1);
    expect(await bankBalance(m.accountNumber)).toBe(1_000n);

    await db.bankAccount.updateMany({ where: { userId: m.userId }, data: { removedAt: new Date() } });
    await expect(payout(m, 1_000n)).rejects.toMatchObject({ code: 'SETTLEMENT_ACCOUNT_MISSING' });
  });

  it('uses the withdrawal fee schedule without a free quota: 0.1 %, at least ¥0.10, rounded up', () => {
    expect(quoteMerchantPayout(1n).fee).toBe(10n);
    expect(quoteMerchantPayout(50_000n).fee).toBe(50n);
    expect(quoteMerchantPayout(50_001n).fee).toBe(51n);
    expect(quoteMerchantPayout(50_001n)).toMatchObject({ total: 50_052n, arrives: 50_001n });
  });

  it("afterwards the merchant's balance = paid − fees − refunds − payouts", async () => {
    const m = await merchant();
    const o1 = await paidOrder(m, 30_000n);
    const o2 = await paidOrder(m, 12_345n);
    await refundOrder(deps, {
      merchantId: m.id,
      orderId: o1.id,
      amount: 5_000n,
      reason: '部分退款',
      idempotencyKey: randomUUID(),
    });
    await payout(m, 10_000n);
    await fault(m.accountNumber, { mode: 'DECLINE', times: 1 });
    await payout(m, 2_000n); // declined: moves nothing
    await payout(m, 3_000n);

    const orders = await db.order.findMany({ where: { merchantId: m.id } });
    const paid = orders.reduce((s, o) => s + o.amount, 0n);
    const fees = orders.reduce((s, o) => s + o.merchantFee, 0n);
    const refunds =
      (await db.refund.aggregate({ where: { merchantId: m.id }, _sum: { amount: true } }))._sum.amount ?? 0n;
    const payouts = await db.walletOperation.findMany({
      where: { merchantId: m.id, kind: 'PAYOUT', status: 'SUCCEEDED' },
    });
    const paidOut = payouts.reduce((s, p) => s + p.amount + p.fee, 0n);
    expect([o1.merchantFee, o2.merchantFee]).toEqual([180n, 75n]);
    expect(paidOut).toBe(10_000n + 10n + 3_000n + 10n);
    const b = await balanceOf(m);
    expect(b.posted).toBe(paid - fees - refunds - paidOut);
    expect(b.posted).toBe(42_345n - 255n - 5_000n - 13_020n);
    expect(b.pendingDebits).toBe(0n);
  });
});
