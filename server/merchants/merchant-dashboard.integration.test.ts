// The merchant dashboard's use cases on the shared test database: every read and write is
// scoped to the merchant the caller was authorised as (another merchant's order, event, key or
// cursor is "not found"), a customer has no merchant profile, and the application flow.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode } from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import type { JobQueue } from '../jobs/job-queue';
import { ensureAccount } from '../stored-ledger';
import { closeOrder } from '../orders/close-order';
import { createOrder } from '../orders/create-order';
import { refundOrder } from '../orders/refund-order';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { resendWebhookEvent } from '../webhooks/resend-webhook-event';
import { createApiKey, listApiKeys, newWebhookSecret, revokeApiKey } from './api-keys';
import { applyForMerchant } from './apply-for-merchant';
import { findMerchantForUserOrThrow } from './find-merchant-for-user-or-throw';
import { getMerchantOrderDetail } from './get-merchant-order-detail';
import { getMerchantOverview } from './get-merchant-overview';
import { listMerchantOrders } from './list-merchant-orders';
import { getMerchantSession } from './require-merchant';
import { rotateMerchantWebhookSecret, setMerchantWebhookUrl } from './update-merchant-webhook';

const db = testDb();
afterAll(() => db.$disconnect());

/** Enqueues nothing: these tests look at rows, not at deliveries. */
const jobs: JobQueue = { enqueue: async () => undefined };
const deps = { db, jobs, appUrl: 'http://wallet.test' };

async function merchant(status: 'APPROVED' | 'PENDING' = 'APPROVED') {
  const owner = await createTestUser(db, '商户');
  await db.user.update({ where: { id: owner.id }, data: { role: status === 'APPROVED' ? 'MERCHANT' : 'CUSTOMER' } });
  const row = await db.merchant.create({
    data: { userId: owner.id, shopName: '店', status, webhookSecret: newWebhookSecret() },
  });
  await ensureAccount(db, merchantBalanceCode(row.id), DEFAULT_CURRENCY);
  return row;
}

const order = (merchantId: string, no = `O-${randomUUID()}`, amount = 1_000n) =>
  createOrder(db, {
    merchantId,
    merchantOrderNo: no,
    amount,
    currency: DEFAULT_CURRENCY,
    subject: '商品',
    notifyUrl: 'https://shop.example/n',
    returnUrl: null,
    expiresInSeconds: 600,
  });

/** A linked bank account row (what linkBankAccount leaves after the bank confirmed the holder). */
const bankAccount = (userId: string) =>
  db.bankAccount.create({
    data: {
      userId,
      accountNumber: `6222${Date.now()}${Math.floor(Math.random() * 1e4)}`.slice(0, 19),
      holderName: '申请人',
      bankName: '沙箱银行',
    },
  });

describe('authorisation where the data is read', () => {
  it("another merchant's order answers NOT_FOUND for detail, refund, close and its notifications", async () => {
    const a = await merchant();
    const b = await merchant();
    const theirs = await order(b.id);
    await closeOrder(deps, { merchantId: b.id, orderId: theirs.id }); // writes an order.closed notification
    const event = await db.webhookEvent.findFirstOrThrow({ where: { orderId: theirs.id } });

    await expect(getMerchantOrderDetail(db, a.id, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMerchantOrderDetail(db, a.id, 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      refundOrder(deps, {
        merchantId: a.id,
        orderId: theirs.id,
        amount: 1n,
        reason: null,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(closeOrder(deps, { merchantId: a.id, orderId: theirs.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(resendWebhookEvent({ db }, { eventId: event.id, merchantId: a.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Their own merchant sees it all.
    const detail = await getMerchantOrderDetail(db, b.id, theirs.id);
    expect(detail.order.status).toBe('CLOSED');
    expect(detail.notifications.map((n) => n.type)).toEqual(['order.closed']);
    expect(detail.events.map((e) => e.type)).toEqual(['CREATED', 'CLOSED']);
  });

  it("lists, cursors and API keys are the merchant's own", async () => {
    const a = await merchant();
    const b = await merchant();
    await order(a.id);
    const theirs = await order(b.id);
    expect((await listMerchantOrders(db, a.id, {})).orders.every((o) => o.merchantId === a.id)).toBe(true);
    await expect(listMerchantOrders(db, a.id, {}, { cursor: theirs.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
    const key = await createApiKey(db, b.id, 'prod');
    expect(await revokeApiKey(db, a.id, key.id)).toBe(false);
    expect((await listApiKeys(db, b.id)).find((k) => k.id === key.id)?.revokedAt).toBeNull();
    expect(await listApiKeys(db, a.id)).toEqual([]);
    expect(await revokeApiKey(db, b.id, key.id)).toBe(true);
  });

  it('a customer has no merchant profile; a pending one is not active; no session for a customer', async () => {
    const customer = await createTestUser(db, '顾客');
    await expect(findMerchantForUserOrThrow(db, customer.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const pending = await merchant('PENDING');
    await expect(findMerchantForUserOrThrow(db, pending.userId)).rejects.toMatchObject({ code: 'MERCHANT_NOT_ACTIVE' });
    expect(
      await getMerchantSession({ id: customer.id, email: customer.email, displayName: '顾客', role: 'CUSTOMER' }),
    ).toBeNull();
    expect(await getMerchantSession(null)).toBeNull();
  });
});

describe('orders list and overview', () => {
  it('filters by status, merchant_order_no prefix and Shanghai day, and pages with a cursor', async () => {
    const m = await merchant();
    const prefix = `F-${randomUUID().slice(0, 8)}`;
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await order(m.id, `${prefix}-${i}`));
    await closeOrder(deps, { merchantId: m.id, orderId: created[1]!.id });

    const first = await listMerchantOrders(db, m.id, { merchantOrderNo: prefix }, { limit: 2 });
    expect(first.orders.map((o) => o.merchantOrderNo)).toEqual([`${prefix}-4`, `${prefix}-3`]);
    const second = await listMerchantOrders(
      db,
      m.id,
      { merchantOrderNo: prefix },
      { limit: 2, cursor: first.nextCursor! },
    );
    expect(second.orders.map((o) => o.merchantOrderNo)).toEqual([`${prefix}-2`, `${prefix}-1`]);
    const third = await listMerchantOrders(
      db,
      m.id,
      { merchantOrderNo: prefix },
      { limit: 2, cursor: second.nextCursor! },
    );
    expect(third.orders.map((o) => o.merchantOrderNo)).toEqual([`${prefix}-0`]);
    expect(third.nextCursor).toBeNull();

    expect((await listMerchantOrders(db, m.id, { status: 'CLOSED' })).orders.map((o) => o.id)).toEqual([
      created[1]!.id,
    ]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await listMerchantOrders(db, m.id, { from: today, to: today })).orders).toHaveLength(5);
    expect((await listMerchantOrders(db, m.id, { to: '2020-01-01' })).orders).toHaveLength(0);
    await expect(listMerchantOrders(db, m.id, { from: '2026-02-30' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'from',
    });
  });

  it('the overview shows the default fee rate (0.6 %) or the merchant’s own, and a zero balance before any payment', async () => {
    const m = await merchant();
    const overview = await getMerchantOverview(db, m);
    expect(overview.feeRateBps).toBe(60);
    expect([overview.balance.available, overview.today.paidCount]).toEqual([0n, 0]);
    expect((await getMerchantOverview(db, { ...m, feeRateBps: 35 })).feeRateBps).toBe(35);
  });
});

describe('applying to become a merchant', () => {
  it('writes a PENDING profile with a signing secret; a second application is refused', async () => {
    const c = await createTestUser(db, '申请人');
    const account = await bankAccount(c.id);
    const { merchantId } = await applyForMerchant(db, {
      userId: c.id,
      shopName: '  小店  ',
      settlementBankAccountId: account.id,
    });
    const row = await db.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    expect(row).toMatchObject({
      userId: c.id,
      shopName: '小店',
      status: 'PENDING',
      settlementBankAccountId: account.id,
      feeRateBps: null,
    });
    expect(row.webhookSecret).toMatch(/^whsec_/);
    await expect(
      applyForMerchant(db, { userId: c.id, shopName: '另一家', settlementBankAccountId: account.id }),
    ).rejects.toMatchObject({ code: 'MERCHANT_APPLICATION_EXISTS' });
    expect((await db.user.findUniqueOrThrow({ where: { id: c.id } })).role).toBe('CUSTOMER');
  });

  it("refuses another user's bank account, a blank or too long name; two submits at once make one application", async () => {
    const c = await createTestUser(db, '申请人');
    const other = await createTestUser(db, '别人');
    const theirs = await bankAccount(other.id);
    const mine = await bankAccount(c.id);
    await expect(
      applyForMerchant(db, { userId: c.id, shopName: '店', settlementBankAccountId: theirs.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      applyForMerchant(db, { userId: c.id, shopName: '   ', settlementBankAccountId: mine.id }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'shopName' });
    await expect(
      applyForMerchant(db, { userId: c.id, shopName: '店'.repeat(41), settlementBankAccountId: mine.id }),
    ).rejects.toMatchObject({ field: 'shopName' });
    expect(await db.merchant.count({ where: { userId: c.id } })).toBe(0);
    const results = await Promise.allSettled([
      applyForMerchant(db, { userId: c.id, shopName: '店一', settlementBankAccountId: mine.id }),
      applyForMerchant(db, { userId: c.id, shopName: '店二', settlementBankAccountId: mine.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.merchant.count({ where: { userId: c.id } })).toBe(1);
  });

  it('after a rejection the same profile can apply again and is PENDING once more', async () => {
    const c = await createTestUser(db, '申请人');
    const account = await bankAccount(c.id);
    const { merchantId } = await applyForMerchant(db, {
      userId: c.id,
      shopName: '旧名',
      settlementBankAccountId: account.id,
    });
    await db.merchant.update({ where: { id: merchantId }, data: { status: 'REJECTED', decidedAt: new Date() } });
    const again = await applyForMerchant(db, { userId: c.id, shopName: '新名', settlementBankAccountId: account.id });
    expect(again.merchantId).toBe(merchantId);
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).toMatchObject({
      shopName: '新名',
      status: 'PENDING',
      decidedAt: null,
    });
  });
});

describe('webhook settings', () => {
  it('accepts http(s) URLs only, clears with an empty value, and rotates the secret', async () => {
    const m = await merchant();
    await expect(setMerchantWebhookUrl(db, m.id, 'ftp://shop.example/hook')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'webhookUrl',
    });
    await expect(setMerchantWebhookUrl(db, m.id, 'javascript:alert(1)')).rejects.toMatchObject({ field: 'webhookUrl' });
    expect(await setMerchantWebhookUrl(db, m.id, ' https://shop.example/hook ')).toBe('https://shop.example/hook');
    expect((await db.merchant.findUniqueOrThrow({ where: { id: m.id } })).webhookUrl).toBe('https://shop.example/hook');
    expect(await setMerchantWebhookUrl(db, m.id, '')).toBeNull();
    const secret = await rotateMerchantWebhookSecret(db, m.id);
    expect(secret).not.toBe(m.webhookSecret);
    expect(await db.merchant.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      webhookSecret: secret,
      previousWebhookSecret: m.webhookSecret,
    });
    // Two rotations at once: each keeps the secret it replaced, so none is lost on the way.
    const [a, b] = await Promise.all([rotateMerchantWebhookSecret(db, m.id), rotateMerchantWebhookSecret(db, m.id)]);
    const after = await db.merchant.findUniqueOrThrow({ where: { id: m.id } });
    expect([a, b]).toContain(after.webhookSecret);
    expect([a, b]).toContain(after.previousWebhookSecret);
    expect(after.previousWebhookSecret).not.toBe(after.webhookSecret);
    await expect(rotateMerchantWebhookSecret(db, '0195f7c2-8a4b-7c3d-9e1f-0123456789ab')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
