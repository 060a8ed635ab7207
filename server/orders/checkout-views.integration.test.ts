// The checkout's read models on the shared test database: what a signed-out visitor, a
// customer, the shop's owner and the payer each see of an order, time left on the database
// clock, return_url safety, and that a payment's result is its payer's only.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJournalEntry, DEFAULT_CURRENCY, merchantBalanceCode, topUpPostings } from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import type { JobQueue } from '../jobs/job-queue';
import { applyLedgerOps, ensureAccount, okOrThrow } from '../stored-ledger';
import { newWebhookSecret } from '../merchants/api-keys';
import { inTransaction } from '../core/in-transaction';
import { createTestUser, TEST_PIN } from '../wallet/testing/wallet-fixtures';
import type { AppDeps } from '../core/deps';
import { createOrder } from './create-order';
import { getCheckoutViewOrThrow } from './get-checkout-view';
import { getPaymentResultOrThrow } from './get-payment-result';
import { payOrderFromBalance } from './pay-order-from-balance';

const db = testDb();
afterAll(() => db.$disconnect());

/** Balance payments call no bank; notifications to the merchant are not delivered here. */
const jobs: JobQueue = { enqueue: async () => undefined };
const deps = { db, jobs, appUrl: 'http://wallet.test', bank: {} as AppDeps['bank'] } satisfies AppDeps;

async function merchant() {
  const owner = await createTestUser(db, '店主');
  const row = await db.merchant.create({
    data: { userId: owner.id, shopName: '测试商店', status: 'APPROVED', webhookSecret: newWebhookSecret() },
  });
  await ensureAccount(db, merchantBalanceCode(row.id), DEFAULT_CURRENCY);
  return row;
}

const order = (merchantId: string, amount = 2_580n) =>
  createOrder(db, {
    merchantId,
    merchantOrderNo: `C-${randomUUID()}`,
    amount,
    currency: DEFAULT_CURRENCY,
    subject: '咖啡豆 ×2',
    notifyUrl: null,
    returnUrl: 'https://shop.example/return?o=1',
    expiresInSeconds: 600,
  });

/** Money in the wallet as a settled top-up would leave it (the bank side is not under test). */
async function fund(userId: string, amount: bigint) {
  await inTransaction(db, async (tx) => {
    const entry = buildJournalEntry({
      kind: 'TOP_UP',
      postings: topUpPostings({ userId, amount, currency: DEFAULT_CURRENCY }),
      idempotencyKey: `test-fund:${randomUUID()}`,
    });
    okOrThrow((await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'wallet' }]))[0]!);
  });
}

describe('getCheckoutViewOrThrow', () => {
  it('answers NOT_FOUND for a malformed or unknown id', async () => {
    await expect(getCheckoutViewOrThrow(db, 'not-an-id', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCheckoutViewOrThrow(db, randomUUID(), null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows a signed-out visitor the order and the time left, and nothing of any wallet', async () => {
    const m = await merchant();
    const o = await order(m.id);
    const view = await getCheckoutViewOrThrow(db, o.id, null);
    expect(view.state).toBe('PAYABLE');
    expect(view.order).toMatchObject({
      shopName: '测试商店',
      subject: '咖啡豆 ×2',
      amount: 2_580n,
      returnUrl: 'https://shop.example/return?o=1',
      // 返回商户 before paying leads to the same place.
      backUrl: 'https://shop.example/return?o=1',
    });
    expect(view.remainingMs).toBeGreaterThan(590_000);
    expect(view.remainingMs).toBeLessThanOrEqual(600_000);
    expect(view.viewer).toBeNull();
  });

  it("gives a customer their balance and accounts, and tells the shop's owner it is its own order", async () => {
    const m = await merchant();
    const o = await order(m.id);
    const customer = await createTestUser(db, '顾客');
    await fund(customer.id, 5_000n);
    const seen = await getCheckoutViewOrThrow(db, o.id, customer.id);
    expect(seen.viewer).toMatchObject({
      available: 5_000n,
      bankAccounts: [],
      frozen: false,
      ownOrder: false,
      payment: null,
      pendingOperationId: null,
    });
    expect((await getCheckoutViewOrThrow(db, o.id, m.userId)).viewer?.ownOrder).toBe(true);
    await db.user.update({ where: { id: customer.id }, data: { frozenAt: new Date() } });
    expect((await getCheckoutViewOrThrow(db, o.id, customer.id)).viewer?.frozen).toBe(true);
  });

  it("reads a PENDING order past its expiry as expired before the expiry job ran, and drops an unsafe return_url (back to the merchant's site instead)", async () => {
    const m = await merchant();
    const o = await order(m.id);
    await db.order.update({
      where: { id: o.id },
      data: {
        expiresAt: new Date(Date.now() - 1_000),
        returnUrl: 'javascript:alert(1)',
        notifyUrl: 'https://shop.example/api/notify',
      },
    });
    const view = await getCheckoutViewOrThrow(db, o.id, null);
    expect(view.order.status).toBe('PENDING');
    expect(view.state).toBe('EXPIRED');
    expect(view.remainingMs).toBe(0);
    expect(view.order.returnUrl).toBeNull();
    // 返回商户 then leads to the merchant's site (its notify_url's origin), never to the unsafe URL.
    expect(view.order.backUrl).toBe('https://shop.example/');
  });

  it('shows the payer the payment; anyone else sees only that it is paid; the result is the payer’s only', async () => {
    const m = await merchant();
    const o = await order(m.id);
    const payer = await createTestUser(db, '付款人');
    const other = await createTestUser(db, '旁人');
    await fund(payer.id, 3_000n);
    const paid = await payOrderFromBalance(deps, {
      userId: payer.id,
      orderId: o.id,
      pin: TEST_PIN,
      idempotencyKey: randomUUID(),
    });

    const mine = await getCheckoutViewOrThrow(db, o.id, payer.id);
    expect(mine.state).toBe('PAID');
    expect(mine.viewer?.available).toBe(420n);
    expect(mine.viewer?.payment).toMatchObject({ operationId: paid.operationId, shipment: null });
    const theirs = await getCheckoutViewOrThrow(db, o.id, other.id);
    expect(theirs.state).toBe('PAID');
    expect(theirs.viewer?.payment).toBeNull();

    const result = await getPaymentResultOrThrow(db, payer.id, o.id, paid.operationId);
    expect(result).toMatchObject({
      outcome: 'PAID',
      amount: 2_580n,
      shopName: '测试商店',
      method: 'BALANCE',
      bank: null,
      returnUrl: 'https://shop.example/return?o=1',
    });
    await expect(getPaymentResultOrThrow(db, other.id, o.id, paid.operationId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const another = await order(m.id);
    await expect(getPaymentResultOrThrow(db, payer.id, another.id, paid.operationId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getPaymentResultOrThrow(db, payer.id, o.id, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
