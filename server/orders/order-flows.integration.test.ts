// Orders end to end (issue 5) against the sandbox bank over real HTTP, with real signatures
// and the real job queue, on a database of their own: paying from the balance and by online
// banking, double payment, closing and expiry, refunds and shipment. Every ledger invariant
// is checked after each test, and at the end the merchant's balance is what it was paid
// minus fees minus refunds.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, FEE_REVENUE_ACCOUNT, merchantBalanceCode, userWalletCode } from '@/ledger';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import type { Db } from '../db';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { ensureAccount, getBalance } from '../stored-ledger';
import { setUserFrozen } from '../admin/users/set-user-frozen';
import { enableTestTwoFactor } from '../admin/testing/admin-fixtures';
import { newWebhookSecret } from '../merchants/api-keys';
import { linkBankAccountThroughBank } from '../wallet/testing/link-bank-account-through-bank';
import { startTopUp } from '../wallet/operations/start-top-up';
import { createTestUser, TEST_PIN, WRONG_TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { startBankFlowHarness, type BankFlowHarness } from '../wallet/testing/bank-flow-harness';
import type { AppDeps } from '../core/deps';
import { closeOrder, expireOrders } from './close-order';
import { createOrder } from './create-order';
import { getCheckoutViewOrThrow } from './get-checkout-view';
import { payOrderFromBalance } from './pay-order-from-balance';
import { refundOrder } from './refund-order';
import { shipOrder } from './ship-order';
import { startOrderBankPayment } from './start-order-bank-payment';

let db: Db;
let pool: BankPool;
let deps: AppDeps;
let harness: BankFlowHarness;

beforeAll(async () => {
  harness = await startBankFlowHarness('order_flows', { dbPoolSize: 30 });
  ({ db, pool, deps } = harness);
});

afterEach(() => expectLedgerInvariants(db));

afterAll(() => harness?.close());

// ---------------------------------------------------------------------------------------

type Customer = { id: string; bankAccountId: string };

async function customer(name = '测试客户', walletBalance = 0n): Promise<Customer> {
  const user = await createTestUser(db, name);
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 1_000_000n });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  const c = { id: user.id, bankAccountId: linked.id };
  if (walletBalance > 0n)
    await authoriseAtBank(
      await startTopUp(deps, {
        userId: c.id,
        amount: walletBalance,
        bankAccountId: c.bankAccountId,
        idempotencyKey: randomUUID(),
      }),
    );
  return c;
}

/** The customer types the bank's code; then the bank's notices go out. */
async function authoriseAtBank(started: { next: string; authorizeUrl?: string }): Promise<void> {
  if (started.next !== 'AUTHORISE' || !started.authorizeUrl)
    throw new Error(`nothing to authorise: ${JSON.stringify(started)}`);
  const bankReference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
  await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
  await deliverDueNotices(pool);
}

async function merchant(feeRateBps: number | null = null) {
  const owner = await createTestUser(db, '测试商户');
  const row = await db.merchant.create({
    data: { userId: owner.id, shopName: '测试商店', status: 'APPROVED', feeRateBps, webhookSecret: newWebhookSecret() },
  });
  await ensureAccount(db, merchantBalanceCode(row.id), DEFAULT_CURRENCY);
  return row;
}

async function order(merchantId: string, amount = 8_888n, expiresInSeconds = 1_800) {
  return createOrder(db, {
    merchantId,
    merchantOrderNo: `T-${randomUUID()}`,
    amount,
    currency: DEFAULT_CURRENCY,
    subject: '咖啡豆 ×2',
    notifyUrl: 'https://shop.example/notify',
    returnUrl: 'https://shop.example/return',
    expiresInSeconds,
  });
}

const payFromBalance = (userId: string, orderId: string, key: string = randomUUID()) =>
  payOrderFromBalance(deps, { userId, orderId, pin: TEST_PIN, idempotencyKey: key });
const walletOf = async (userId: string) => (await getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY)).posted;
const merchantBalance = async (merchantId: string) =>
  (await getBalance(db, merchantBalanceCode(merchantId), DEFAULT_CURRENCY)).posted;
const orderRow = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const webhookTypes = async (orderId: string) =>
  (await db.webhookEvent.findMany({ where: { orderId }, orderBy: { createdAt: 'asc' } })).map((e) => e.type);

// ---------------------------------------------------------------------------------------

describe('paying from the balance', () => {
  it('moves amount from the customer, amount − 0.6 % fee to the merchant, and tells the merchant', async () => {
    const m = await merchant();
    const c = await customer('付款人', 20_000n);
    const o = await order(m.id, 8_888n);
    const feeBefore = (await getBalance(db, FEE_REVENUE_ACCOUNT, DEFAULT_CURRENCY)).posted;

    const paid = await payFromBalance(c.id, o.id);

    const after = await orderRow(o.id);
    expect(after).toMatchObject({
      status: 'PAID',
      payerUserId: c.id,
      paymentMethod: 'BALANCE',
      merchantFee: 54n,
      paymentOperationId: paid.operationId,
    });
    expect(await walletOf(c.id)).toBe(20_000n - 8_888n);
    expect(await merchantBalance(m.id)).toBe(8_888n - 54n); // 8888 × 0.6 % = 53.3 → 54, rounded up
    expect((await getBalance(db, FEE_REVENUE_ACCOUNT, DEFAULT_CURRENCY)).posted - feeBefore).toBe(54n);
    expect(await webhookTypes(o.id)).toEqual(['order.paid']);
    const event = await db.webhookEvent.findFirstOrThrow({ where: { orderId: o.id } });
    expect(event.url).toBe('https://shop.example/notify');
    expect(event.payload).toMatchObject({
      type: 'order.paid',
      data: { object: { id: o.id, status: 'PAID', amount: 8_888, fee: 54 } },
    });
    expect(await db.notification.count({ where: { userId: c.id, kind: 'PAYMENT_SUCCEEDED' } })).toBe(1);
  });

  it('paid twice at once by two customers: money moves once, the other is told it cannot be paid', async () => {
    const m = await merchant();
    const [a, b] = [await customer('甲', 10_000n), await customer('乙', 10_000n)];
    const o = await order(m.id, 5_000n);

    const results = await Promise.allSettled([payFromBalance(a.id, o.id), payFromBalance(b.id, o.id)]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'ORDER_NOT_PAYABLE' });
    expect((await walletOf(a.id)) + (await walletOf(b.id))).toBe(15_000n);
    expect(await merchantBalance(m.id)).toBe(5_000n - 30n);
    expect(await db.walletOperation.count({ where: { orderId: o.id, status: 'SUCCEEDED' } })).toBe(1);
  });

  it('ten concurrent submits by one customer with different keys pay once; the winning key replays', async () => {
    const m = await merchant();
    const c = await customer('重复点击', 100_000n);
    const o = await order(m.id, 1_000n);

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => payFromBalance(c.id, o.id)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await walletOf(c.id)).toBe(99_000n);
    const winner = await db.walletOperation.findFirstOrThrow({ where: { orderId: o.id, status: 'SUCCEEDED' } });
    expect((await payFromBalance(c.id, o.id, winner.idempotencyKey)).operationId).toBe(winner.id);
    expect(await walletOf(c.id)).toBe(99_000n);
  });

  it('not enough balance, the wrong password, a frozen customer or the merchant itself: refused, nothing moves', async () => {
    const m = await merchant();
    const c = await customer('余额不足', 1_000n);
    const o = await order(m.id, 5_000n);

    await expect(payFromBalance(c.id, o.id)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(
      payOrderFromBalance(deps, { userId: c.id, orderId: o.id, pin: WRONG_TEST_PIN, idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: 'WRONG_PIN' });
    await db.user.update({ where: { id: c.id }, data: { frozenAt: new Date() } });
    await expect(payFromBalance(c.id, o.id)).rejects.toMatchObject({ code: 'ACCOUNT_FROZEN' });
    await expect(payFromBalance(m.userId, o.id)).rejects.toMatchObject({ code: 'CANNOT_PAY_OWN_ORDER' });

    expect(await walletOf(c.id)).toBe(1_000n);
    expect((await orderRow(o.id)).status).toBe('PENDING');
    expect(await db.walletOperation.count({ where: { orderId: o.id } })).toBe(0);
  });
});

describe('closing and expiry', () => {
  it('a closed order cannot be paid; closing it again is refused; the merchant is told once', async () => {
    const m = await merchant();
    const c = await customer('关闭', 10_000n);
    const o = await order(m.id, 1_000n);

    await closeOrder(deps, { merchantId: m.id, orderId: o.id });
    await expect(closeOrder(deps, { merchantId: m.id, orderId: o.id })).rejects.toMatchObject({
      code: 'ORDER_NOT_PENDING',
    });
    await expect(payFromBalance(c.id, o.id)).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE' });

    expect(await walletOf(c.id)).toBe(10_000n);
    expect(await webhookTypes(o.id)).toEqual(['order.closed']);
  });

  it("another merchant's order is not found", async () => {
    const [m1, m2] = [await merchant(), await merchant()];
    const o = await order(m1.id);
    await expect(closeOrder(deps, { merchantId: m2.id, orderId: o.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      refundOrder(deps, { merchantId: m2.id, orderId: o.id, amount: 1n, reason: null, idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      shipOrder(deps, { merchantId: m2.id, orderId: o.id, carrier: 'x', trackingNumber: 'y' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an order past its expiry (database clock) cannot be paid and is expired by the job', async () => {
    const m = await merchant();
    const c = await customer('过期', 10_000n);
    const o = await order(m.id, 1_000n, 1);
    await new Promise((r) => setTimeout(r, 1_200));

    await expect(payFromBalance(c.id, o.id)).rejects.toMatchObject({ code: 'ORDER_NOT_PAYABLE', status: 'EXPIRED' });
    expect(await expireOrders(deps)).toBeGreaterThanOrEqual(1);

    expect((await orderRow(o.id)).status).toBe('EXPIRED');
    expect(await webhookTypes(o.id)).toEqual(['order.closed']);
    expect(await walletOf(c.id)).toBe(10_000n);
  });
});

describe('online banking', () => {
  it("the bank's notice pays the order: D reserve, C merchant amount − fee", async () => {
    const m = await merchant(100); // 1 %
    const c = await customer('网银');
    const o = await order(m.id, 10_000n);

    const started = await startOrderBankPayment(deps, {
      userId: c.id,
      orderId: o.id,
      bankAccountId: c.bankAccountId,
      idempotencyKey: randomUUID(),
    });
    expect((await orderRow(o.id)).status).toBe('PENDING');
    await authoriseAtBank(started);

    expect(await orderRow(o.id)).toMatchObject({
      status: 'PAID',
      paymentMethod: 'BANK',
      merchantFee: 100n,
      payerUserId: c.id,
    });
    expect(await merchantBalance(m.id)).toBe(9_900n);
    expect(await walletOf(c.id)).toBe(0n);
    expect(await webhookTypes(o.id)).toEqual(['order.paid']);
  });

  it('money the bank moved for an order closed meanwhile goes to the customer balance, never lost', async () => {
    const m = await merchant();
    const c = await customer('迟到的钱');
    const o = await order(m.id, 3_000n);

    const started = await startOrderBankPayment(deps, {
      userId: c.id,
      orderId: o.id,
      bankAccountId: c.bankAccountId,
      idempotencyKey: randomUUID(),
    });
    await closeOrder(deps, { merchantId: m.id, orderId: o.id });
    await authoriseAtBank(started);

    expect((await orderRow(o.id)).status).toBe('CLOSED');
    expect(await walletOf(c.id)).toBe(3_000n);
    expect(await merchantBalance(m.id)).toBe(0n);
    const op = await db.walletOperation.findFirstOrThrow({ where: { orderId: o.id }, include: { events: true } });
    expect(op.status).toBe('SUCCEEDED');
    expect(op.events.map((e) => e.type)).toContain('CREDITED_TO_BALANCE');
  });
});

describe('refunds and shipment', () => {
  it('refunds half, then refuses more than what is left; concurrent refunds never exceed the paid amount', async () => {
    const m = await merchant();
    const c = await customer('退款', 10_000n);
    const o = await order(m.id, 10_000n);
    await payFromBalance(c.id, o.id);

    await refundOrder(deps, { merchantId: m.id, orderId: o.id, amount: 5_000n, reason: '缺货', idempotencyKey: 'r1' });
    expect(await orderRow(o.id)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 5_000n });
    expect(await walletOf(c.id)).toBe(5_000n);
    await expect(
      refundOrder(deps, { merchantId: m.id, orderId: o.id, amount: 5_001n, reason: null, idempotencyKey: 'r2' }),
    ).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        refundOrder(deps, { merchantId: m.id, orderId: o.id, amount: 3_000n, reason: null, idempotencyKey: `c${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await orderRow(o.id)).toMatchObject({ refundedAmount: 8_000n });
    expect(await walletOf(c.id)).toBe(8_000n);
    expect(await webhookTypes(o.id)).toEqual(['order.paid', 'order.refunded', 'order.refunded']);
  });

  it('the same refund key replays the first refund; with another amount it is refused', async () => {
    const m = await merchant();
    const c = await customer('退款幂等', 10_000n);
    const o = await order(m.id, 10_000n);
    await payFromBalance(c.id, o.id);

    const first = await refundOrder(deps, {
      merchantId: m.id,
      orderId: o.id,
      amount: 1_000n,
      reason: null,
      idempotencyKey: 'same',
    });
    const again = await refundOrder(deps, {
      merchantId: m.id,
      orderId: o.id,
      amount: 1_000n,
      reason: null,
      idempotencyKey: 'same',
    });
    expect(again.id).toBe(first.id);
    await expect(
      refundOrder(deps, { merchantId: m.id, orderId: o.id, amount: 2_000n, reason: null, idempotencyKey: 'same' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await walletOf(c.id)).toBe(1_000n);
  });

  it('an unpaid order cannot be refunded or shipped; a shipment notifies the customer and shows on the timeline', async () => {
    const m = await merchant();
    const c = await customer('发货', 10_000n);
    const o = await order(m.id, 2_000n);
    await expect(
      refundOrder(deps, { merchantId: m.id, orderId: o.id, amount: 1n, reason: null, idempotencyKey: 'x' }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAID' });
    await expect(
      shipOrder(deps, { merchantId: m.id, orderId: o.id, carrier: '顺丰速运', trackingNumber: 'SF1' }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_PAID' });

    await payFromBalance(c.id, o.id);
    await shipOrder(deps, { merchantId: m.id, orderId: o.id, carrier: '顺丰速运', trackingNumber: 'SF1' });
    await shipOrder(deps, { merchantId: m.id, orderId: o.id, carrier: '顺丰速运', trackingNumber: 'SF1' }); // the same notice again

    const shipped = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { events: true } });
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: '顺丰速运', trackingNumber: 'SF1' });
    expect(shipped.events.filter((e) => e.type === 'SHIPPED')).toHaveLength(1);
    const notes = await db.notification.findMany({ where: { userId: c.id, kind: 'ORDER_SHIPPED' } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).toMatchObject({ carrier: '顺丰速运', trackingNumber: 'SF1', shop: '测试商店' });
  });

  it("the merchant's balance is what it was paid minus fees minus refunds", async () => {
    const m = await merchant();
    const c = await customer('对账', 100_000n);
    const orders = [await order(m.id, 10_000n), await order(m.id, 3_333n), await order(m.id, 7_777n)];
    for (const o of orders) await payFromBalance(c.id, o.id);
    await refundOrder(deps, {
      merchantId: m.id,
      orderId: orders[0]!.id,
      amount: 2_500n,
      reason: null,
      idempotencyKey: 'k',
    });

    const rows = await db.order.findMany({ where: { merchantId: m.id } });
    const expected = rows.reduce((sum, r) => sum + r.amount - r.merchantFee - r.refundedAmount, 0n);
    expect(await merchantBalance(m.id)).toBe(expected);
    expect(expected).toBe(10_000n + 3_333n + 7_777n - (60n + 20n + 47n) - 2_500n);
  });
});

describe('a frozen merchant', () => {
  async function admin() {
    const user = await createTestUser(db, '管理员');
    await db.user.update({ where: { id: user.id }, data: { role: 'ADMIN' } });
    await enableTestTwoFactor(db, user.id);
    return user;
  }
  const freeze = (adminId: string, userId: string, frozen: boolean) =>
    setUserFrozen(db, { actorId: adminId, userId, frozen, note: frozen ? '风控调查' : '调查结束' });

  it('cannot be paid from the balance or by online banking: refused with MERCHANT_FROZEN, nothing moves; the checkout says why; the unfreeze lets it be paid', async () => {
    const a = await admin();
    const m = await merchant();
    const c = await customer('付给冻结商户', 20_000n);
    const before = await order(m.id, 4_000n);
    const beforeKey = randomUUID();
    const paidBefore = await payFromBalance(c.id, before.id, beforeKey);
    const o = await order(m.id, 5_000n);
    const bankBefore = await db.walletOperation.count({ where: { userId: c.id } });

    await freeze(a.id, m.userId, true);
    await expect(payFromBalance(c.id, o.id)).rejects.toMatchObject({ code: 'MERCHANT_FROZEN' });
    await expect(
      startOrderBankPayment(deps, {
        userId: c.id,
        orderId: o.id,
        bankAccountId: c.bankAccountId,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({
      code: 'MERCHANT_FROZEN',
    });
    // A payment made before the freeze, retried with its key, is still the same payment.
    expect((await payFromBalance(c.id, before.id, beforeKey)).operationId).toBe(paidBefore.operationId);

    expect(await walletOf(c.id)).toBe(16_000n);
    expect(await merchantBalance(m.id)).toBe(4_000n - 24n);
    expect(await db.walletOperation.count({ where: { orderId: o.id } })).toBe(0);
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(bankBefore);
    expect(await orderRow(o.id)).toMatchObject({ status: 'PENDING', payerUserId: null });
    expect((await getCheckoutViewOrThrow(db, o.id, c.id)).state).toBe('MERCHANT_PAUSED');
    expect((await getCheckoutViewOrThrow(db, o.id, null)).state).toBe('MERCHANT_PAUSED');
    expect((await getCheckoutViewOrThrow(db, before.id, c.id)).state).toBe('PAID');

    await freeze(a.id, m.userId, false);
    expect((await getCheckoutViewOrThrow(db, o.id, c.id)).state).toBe('PAYABLE');
    await payFromBalance(c.id, o.id);
    expect((await orderRow(o.id)).status).toBe('PAID');
    expect(await walletOf(c.id)).toBe(11_000n);
  });

  it('cannot create, refund, close or ship (the dashboard calls these too): refused, nothing written', async () => {
    const a = await admin();
    const m = await merchant();
    const c = await customer('冻结前付款', 10_000n);
    const paid = await order(m.id, 3_000n);
    await payFromBalance(c.id, paid.id);
    const pending = await order(m.id, 1_000n);
    const earlierRefund = await refundOrder(deps, {
      merchantId: m.id,
      orderId: paid.id,
      amount: 500n,
      reason: null,
      idempotencyKey: 'before',
    });
    const events = await db.orderEvent.count({ where: { orderId: { in: [paid.id, pending.id] } } });
    const webhooks = await db.webhookEvent.count({ where: { merchantId: m.id } });

    await freeze(a.id, m.userId, true);
    const merchantOrderNo = `T-${randomUUID()}`;
    await expect(
      createOrder(db, {
        merchantId: m.id,
        merchantOrderNo,
        amount: 100n,
        currency: DEFAULT_CURRENCY,
        subject: 'x',
        notifyUrl: null,
        returnUrl: null,
        expiresInSeconds: 600,
      }),
    ).rejects.toMatchObject({ code: 'MERCHANT_FROZEN' });
    await expect(
      refundOrder(deps, { merchantId: m.id, orderId: paid.id, amount: 100n, reason: null, idempotencyKey: 'after' }),
    ).rejects.toMatchObject({ code: 'MERCHANT_FROZEN' });
    await expect(closeOrder(deps, { merchantId: m.id, orderId: pending.id })).rejects.toMatchObject({
      code: 'MERCHANT_FROZEN',
    });
    await expect(
      shipOrder(deps, { merchantId: m.id, orderId: paid.id, carrier: '顺丰速运', trackingNumber: 'SF1' }),
    ).rejects.toMatchObject({ code: 'MERCHANT_FROZEN' });
    // The refund made before the freeze, asked again with its key, is still that refund.
    expect(
      (
        await refundOrder(deps, {
          merchantId: m.id,
          orderId: paid.id,
          amount: 500n,
          reason: null,
          idempotencyKey: 'before',
        })
      ).id,
    ).toBe(earlierRefund.id);

    expect(await db.order.count({ where: { merchantId: m.id, merchantOrderNo } })).toBe(0);
    expect(await db.refund.count({ where: { orderId: paid.id } })).toBe(1);
    expect(await orderRow(paid.id)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedAmount: 500n,
      carrier: null,
    });
    expect((await orderRow(pending.id)).status).toBe('PENDING');
    expect(await db.orderEvent.count({ where: { orderId: { in: [paid.id, pending.id] } } })).toBe(events);
    expect(await db.webhookEvent.count({ where: { merchantId: m.id } })).toBe(webhooks);
    expect(await walletOf(c.id)).toBe(7_500n);
    expect(await merchantBalance(m.id)).toBe(3_000n - 18n - 500n);
  });
});
