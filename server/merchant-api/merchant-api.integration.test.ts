// The merchant API over its real code path (auth, body limit, idempotency, zod, use cases,
// error mapping) with real Request objects, on a database of its own and the real job queue.
// The `route` table below wires paths to handlers exactly as app/api/v1/**/route.ts do.
import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildJournalEntry, DEFAULT_CURRENCY, merchantBalanceCode, topUpPostings } from '@/ledger';
import { createFreshDatabase, type FreshDatabase } from '../../scripts/db/test-database';
import { SandboxBankGateway } from '../bank/sandbox-bank-gateway';
import { createDb, type Db } from '../db';
import { PgBossJobQueue, startPgBoss } from '../jobs/job-queue';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { ensureAccount, getBalance, postTransfer } from '../stored-ledger';
import { setUserFrozen } from '../admin/users/set-user-frozen';
import { enableTestTwoFactor } from '../admin/testing/admin-fixtures';
import { createApiKey, newWebhookSecret, revokeApiKey } from '../merchants/api-keys';
import { payOrderFromBalance } from '../orders/pay-order-from-balance';
import { shanghaiDate } from '../../lib/time/shanghai-day';
import { createTestUser, TEST_PIN } from '../wallet/testing/wallet-fixtures';
import type { AppDeps } from '../core/deps';
import { balanceHandler, balanceTransactionsHandler, dailyBillHandler } from './handlers/balance-handlers';
import { closeOrderHandler, refundOrderHandler, shipOrderHandler } from './handlers/order-action-handlers';
import { createOrderHandler, getOrderHandler, listOrdersHandler } from './handlers/order-handlers';
import { jsonAnswer } from './api-answer';
import { runIdempotent } from './idempotency';
import { merchantApiGet, merchantApiPost, type MerchantApiDeps } from './merchant-api-route';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { openApiDocument } from './openapi-document';
import { BalanceObject, BalanceTransactionList, ErrorObject, OrderList, OrderObject, RefundObject } from './schemas';
import { BAD_AMOUNTS } from './testing/bad-amounts';

const APP_URL = 'http://wallet.test';
let database: FreshDatabase;
let db: Db;
let boss: PgBoss;
let deps: AppDeps;

beforeAll(async () => {
  database = await createFreshDatabase('merchant_api');
  db = createDb(database.url, 30);
  boss = await startPgBoss(database.url, { supervise: false, schedule: false });
  // Paying from the balance never calls the bank; the gateway only completes the type.
  deps = {
    db,
    bank: new SandboxBankGateway({ baseUrl: 'http://127.0.0.1:9', clientSecret: 'unused', timeoutMs: 100 }),
    jobs: new PgBossJobQueue(boss),
    appUrl: APP_URL,
  };
});

afterEach(() => expectLedgerInvariants(db));

afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  await db?.$disconnect();
  await database?.drop();
});

// --- the API as a client sees it -----------------------------------------------------------

function route(apiDeps: MerchantApiDeps, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
  const post = request.method === 'POST';
  let m: RegExpExecArray | null;
  if (path === '/orders')
    return post
      ? merchantApiPost(apiDeps, request, createOrderHandler)
      : merchantApiGet(apiDeps, request, listOrdersHandler);
  if ((m = /^\/orders\/([^/]+)$/.exec(path)) && !post)
    return merchantApiGet(apiDeps, request, (ctx) => getOrderHandler(ctx, m![1]!));
  if ((m = /^\/orders\/([^/]+)\/close$/.exec(path)) && post)
    return merchantApiPost(apiDeps, request, (ctx) => closeOrderHandler(ctx, m![1]!));
  if ((m = /^\/orders\/([^/]+)\/refunds$/.exec(path)) && post)
    return merchantApiPost(apiDeps, request, (ctx) => refundOrderHandler(ctx, m![1]!));
  if ((m = /^\/orders\/([^/]+)\/shipment$/.exec(path)) && post)
    return merchantApiPost(apiDeps, request, (ctx) => shipOrderHandler(ctx, m![1]!));
  if (path === '/balance') return merchantApiGet(apiDeps, request, balanceHandler);
  if (path === '/balance_transactions') return merchantApiGet(apiDeps, request, balanceTransactionsHandler);
  if ((m = /^\/bills\/([^/]+)$/.exec(path)))
    return merchantApiGet(apiDeps, request, (ctx) => dailyBillHandler(ctx, m![1]!));
  throw new Error(`no route for ${request.method} ${path}`);
}

type Call = { status: number; json: any; text: string; headers: Headers };

async function api(
  key: string | null,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; raw?: string; idempotencyKey?: string | null } = {},
): Promise<Call> {
  const headers = new Headers();
  if (key !== null) headers.set('authorization', `Bearer ${key}`);
  if (method === 'POST') {
    headers.set('content-type', 'application/json');
    const idem = options.idempotencyKey === undefined ? randomUUID() : options.idempotencyKey;
    if (idem !== null) headers.set('idempotency-key', idem);
  }
  const body = method === 'POST' ? (options.raw ?? JSON.stringify(options.body ?? {})) : undefined;
  const response = await route(deps, new Request(`${APP_URL}/api/v1${path}`, { method, headers, body }));
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* CSV */
  }
  return { status: response.status, json, text, headers: response.headers };
}

function expectError(call: Call, status: number, code: string, field?: string) {
  expect(call.status, call.text).toBe(status);
  ErrorObject.parse(call.json);
  expect(call.json.error.code).toBe(code);
  if (field !== undefined) expect(call.json.error.field).toBe(field);
}

// --- fixtures ---------------------------------------------------------------------------------

async function merchantWithKey(status: 'APPROVED' | 'PENDING' = 'APPROVED') {
  const owner = await createTestUser(db, '测试商户');
  const merchant = await db.merchant.create({
    data: { userId: owner.id, shopName: '测试商店', status, webhookSecret: newWebhookSecret() },
  });
  await ensureAccount(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
  const key = await createApiKey(db, merchant.id, 'test');
  return { merchant, key: key.secretKey, keyId: key.id };
}

async function customerWithBalance(amount: bigint) {
  const user = await createTestUser(db, '付款人');
  await postTransfer(
    db,
    buildJournalEntry({
      kind: 'TOP_UP',
      postings: topUpPostings({ userId: user.id, amount, currency: DEFAULT_CURRENCY }),
    }),
  );
  return user;
}

const orderBody = (amount: unknown = 10_000) => ({
  merchant_order_no: `T-${randomUUID().slice(0, 8)}`,
  amount,
  subject: '咖啡豆 ×2',
});

async function createdOrder(key: string, amount = 10_000) {
  const call = await api(key, 'POST', '/orders', { body: orderBody(amount) });
  expect(call.status, call.text).toBe(201);
  return OrderObject.parse(call.json);
}

async function paidOrder(key: string, amount = 10_000) {
  const order = await createdOrder(key, amount);
  const payer = await customerWithBalance(BigInt(amount));
  await payOrderFromBalance(deps, { userId: payer.id, orderId: order.id, pin: TEST_PIN, idempotencyKey: randomUUID() });
  return order;
}

const orderRow = (id: string) => db.order.findUniqueOrThrow({ where: { id } });

// --- tests ------------------------------------------------------------------------------------

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without a key, with a wrong, malformed or revoked key, and for a merchant not approved', async () => {
    const { key, keyId, merchant } = await merchantWithKey();
    expect((await api(key, 'GET', '/balance')).status).toBe(200);

    expectError(await api(null, 'GET', '/balance'), 401, 'UNAUTHENTICATED');
    expectError(await api('sk_nope', 'GET', '/balance'), 401, 'UNAUTHENTICATED');
    expectError(
      await api(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, 'GET', '/balance'),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await api(null, 'POST', '/orders', { body: orderBody() }), 401, 'UNAUTHENTICATED');

    expect(await revokeApiKey(db, merchant.id, keyId)).toBe(true);
    const revoked = await api(key, 'POST', '/orders', { body: orderBody() });
    expectError(revoked, 401, 'UNAUTHENTICATED');
    expect(revoked.headers.get('www-authenticate')).toContain('Bearer');
    expectError(await api(key, 'GET', '/balance'), 401, 'UNAUTHENTICATED');
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(0);

    const pending = await merchantWithKey('PENDING');
    expectError(await api(pending.key, 'GET', '/balance'), 401, 'UNAUTHENTICATED');
  });
});

describe('orders', () => {
  it('creates an order with checkout_url, ignores fields it does not know (status, fee) and finds it by id and merchant_order_no', async () => {
    const { key } = await merchantWithKey();
    const body = {
      ...orderBody(8_888),
      notify_url: 'https://shop.example/notify',
      return_url: 'https://shop.example/return',
      status: 'PAID',
      fee: 0,
      amount_refunded: 1,
    };
    const created = await api(key, 'POST', '/orders', { body });
    expect(created.status, created.text).toBe(201);
    const order = OrderObject.parse(created.json);
    expect(order).toMatchObject({
      object: 'order',
      amount: 8_888,
      currency: 'CNY',
      status: 'PENDING',
      amount_refunded: 0,
      fee: 0,
      payment_method: null,
      checkout_url: `${APP_URL}/pay/${order.id}`,
      notify_url: 'https://shop.example/notify',
      shipment: null,
    });
    expect(Date.parse(order.expires_at) - Date.parse(order.created_at)).toBeGreaterThan(1_790_000);

    const byId = await api(key, 'GET', `/orders/${order.id}`);
    expect(byId.json).toEqual(order);
    const byNo = await api(key, 'GET', `/orders?merchant_order_no=${body.merchant_order_no}`);
    expect(byNo.json).toEqual(order);
    expectError(await api(key, 'GET', '/orders?merchant_order_no=NOPE-1'), 404, 'NOT_FOUND');
    expectError(await api(key, 'GET', '/orders/not-a-uuid'), 404, 'NOT_FOUND');
  });

  it('refuses a merchant_order_no used before with 409 DUPLICATE_MERCHANT_ORDER_NO', async () => {
    const { key } = await merchantWithKey();
    const body = orderBody();
    expect((await api(key, 'POST', '/orders', { body })).status).toBe(201);
    expectError(await api(key, 'POST', '/orders', { body }), 409, 'DUPLICATE_MERCHANT_ORDER_NO', 'merchant_order_no');
  });

  it('lists orders newest first with a cursor; limit=1000000 is capped; a foreign cursor is 400', async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await createdOrder(a.key)).id);
    const foreign = await createdOrder(b.key);

    const first = OrderList.parse((await api(a.key, 'GET', '/orders?limit=2')).json);
    expect(first.data.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = OrderList.parse(
      (await api(a.key, 'GET', `/orders?limit=2&starting_after=${first.next_cursor}`)).json,
    );
    expect(second.data.map((o) => o.id)).toEqual([ids[0]]);
    expect(second).toMatchObject({ has_more: false, next_cursor: null });

    const all = OrderList.parse((await api(a.key, 'GET', '/orders?limit=1000000')).json);
    expect(all.data).toHaveLength(3);
    expectError(await api(a.key, 'GET', `/orders?starting_after=${foreign.id}`), 400, 'INVALID_CURSOR');
    expectError(await api(a.key, 'GET', '/orders?limit=abc'), 422, 'INVALID_INPUT', 'limit');
  });

  it.each(BAD_AMOUNTS)('answers 422 naming amount for amount %s on create order, and creates nothing', async (raw) => {
    const { key, merchant } = await merchantWithKey();
    const call = await api(key, 'POST', '/orders', {
      raw: `{"merchant_order_no":"BAD-1","subject":"x","amount":${raw}}`,
    });
    expectError(call, 422, 'INVALID_INPUT', 'amount');
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(0);
  });

  it('answers 400 INVALID_JSON, 413 over 64 KB (a 1 MB subject too) and 422 for a body that is not an object', async () => {
    const { key, merchant } = await merchantWithKey();
    expectError(await api(key, 'POST', '/orders', { raw: '{"amount": 100,' }), 400, 'INVALID_JSON');
    expectError(await api(key, 'POST', '/orders', { raw: 'amount=100' }), 400, 'INVALID_JSON');
    expectError(
      await api(key, 'POST', '/orders', { body: { ...orderBody(), subject: 'x'.repeat(1024 * 1024) } }),
      413,
      'BODY_TOO_LARGE',
    );
    expectError(
      await api(key, 'POST', '/orders', { body: { ...orderBody(), pad: 'x'.repeat(65 * 1024) } }),
      413,
      'BODY_TOO_LARGE',
    );
    expectError(await api(key, 'POST', '/orders', { raw: '[1,2]' }), 422, 'INVALID_INPUT', 'body');
    expectError(
      await api(key, 'POST', '/orders', { body: { ...orderBody(), notify_url: 'javascript:alert(1)' } }),
      422,
      'INVALID_INPUT',
      'notify_url',
    );
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(0);
  });

  it('closes a pending order (200 CLOSED) and then answers 409 ORDER_NOT_PENDING', async () => {
    const { key } = await merchantWithKey();
    const created = await api(key, 'POST', '/orders', {
      body: { ...orderBody(), notify_url: 'https://shop.example/notify' },
    });
    const order = OrderObject.parse(created.json);
    const closed = await api(key, 'POST', `/orders/${order.id}/close`);
    expect(closed.status).toBe(200);
    expect(OrderObject.parse(closed.json)).toMatchObject({ status: 'CLOSED' });
    expect(closed.json.closed_at).not.toBeNull();
    expectError(await api(key, 'POST', `/orders/${order.id}/close`), 409, 'ORDER_NOT_PENDING');
    expect(await db.webhookEvent.count({ where: { orderId: order.id, type: 'order.closed' } })).toBe(1);
  });
});

describe('idempotency', () => {
  it('is required on every POST', async () => {
    const { key } = await merchantWithKey();
    expectError(
      await api(key, 'POST', '/orders', { body: orderBody(), idempotencyKey: null }),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    );
    expectError(
      await api(key, 'POST', '/orders', { body: orderBody(), idempotencyKey: 'é'.repeat(3) }),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    );
    expectError(
      await api(key, 'POST', '/orders', { body: orderBody(), idempotencyKey: 'k'.repeat(256) }),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    );
  });

  it('replays the first answer for the same key and body (whatever the key order), and answers 422 for another body', async () => {
    const { key, merchant } = await merchantWithKey();
    const idem = randomUUID();
    const body = orderBody();
    const first = await api(key, 'POST', '/orders', { body, idempotencyKey: idem });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const reordered = { subject: body.subject, amount: body.amount, merchant_order_no: body.merchant_order_no };
    const again = await api(key, 'POST', '/orders', { body: reordered, idempotencyKey: idem });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    expectError(
      await api(key, 'POST', '/orders', { body: { ...body, amount: 10_001 }, idempotencyKey: idem }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Idempotency-Key',
    );
    // The same key on another path is another request too.
    expectError(
      await api(key, 'POST', `/orders/${first.json.id}/close`, { idempotencyKey: idem }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(1);

    // Another merchant's identical key is a different key.
    const other = await merchantWithKey();
    expect((await api(other.key, 'POST', '/orders', { body, idempotencyKey: idem })).status).toBe(201);
  });

  it('replays an error answer too (a 422 stays a 422 for that key)', async () => {
    const { key } = await merchantWithKey();
    const idem = randomUUID();
    const raw = '{"merchant_order_no":"E-1","subject":"x","amount":1.5}';
    expectError(await api(key, 'POST', '/orders', { raw, idempotencyKey: idem }), 422, 'INVALID_INPUT', 'amount');
    const again = await api(key, 'POST', '/orders', { raw, idempotencyKey: idem });
    expectError(again, 422, 'INVALID_INPUT', 'amount');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // 1.5 and 1.50 are different requests: the float is kept as written.
    expectError(
      await api(key, 'POST', '/orders', { raw: raw.replace('1.5', '1.50'), idempotencyKey: idem }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('runs 10 concurrent requests with one key once: one 201, the others 409 IDEMPOTENCY_IN_PROGRESS or the replay', async () => {
    const { key, merchant } = await merchantWithKey();
    const idem = randomUUID();
    const body = orderBody();
    const calls = await Promise.all(
      Array.from({ length: 10 }, () => api(key, 'POST', '/orders', { body, idempotencyKey: idem })),
    );
    const fresh = calls.filter((c) => c.status === 201 && c.headers.get('idempotent-replayed') === null);
    expect(fresh).toHaveLength(1);
    for (const c of calls) {
      if (c.status === 201) expect(c.json.id).toBe(fresh[0]!.json.id);
      else expectError(c, 409, 'IDEMPOTENCY_IN_PROGRESS');
    }
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(1);
  });

  it('releases the key after a 500 (nothing of the error is sent) so that a retry runs', async () => {
    const { key, merchant } = await merchantWithKey();
    const idem = randomUUID();
    const request = () =>
      new Request(`${APP_URL}/api/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': idem },
        body: '{}',
      });
    let runs = 0;
    const failing = await merchantApiPost(deps, request(), async () => {
      runs += 1;
      throw new Error('connection to 10.0.0.7 refused: password=hunter2');
    });
    expect(failing.status).toBe(500);
    const text = await failing.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7/);
    expect(await db.apiIdempotencyKey.count({ where: { merchantId: merchant.id, key: idem } })).toBe(0);

    const retry = await merchantApiPost(deps, request(), async () => {
      runs += 1;
      return jsonAnswer(201, { ok: true });
    });
    expect(retry.status).toBe(201);
    expect(runs).toBe(2);
  });

  it('takes over a claim left by a process that died long ago', async () => {
    const { merchant } = await merchantWithKey();
    const idem = randomUUID();
    await db.$executeRaw`INSERT INTO api_idempotency_keys (merchant_id, key, request_hash, created_at)
      VALUES (${merchant.id}::uuid, ${idem}, 'h', now() - interval '10 minutes')`;
    const answer = await runIdempotent(db, merchant.id, idem, 'h', async () => jsonAnswer(200, { ran: true }));
    expect(answer).toMatchObject({ status: 200, replayed: false });
    await db.$executeRaw`INSERT INTO api_idempotency_keys (merchant_id, key, request_hash) VALUES (${merchant.id}::uuid, 'fresh', 'h')`;
    await expect(runIdempotent(db, merchant.id, 'fresh', 'h', async () => jsonAnswer(200, {}))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_PROGRESS',
    });
  });
});

describe("another merchant's order", () => {
  it('is 404 NOT_FOUND for get, close, refund and shipment, and nothing changes', async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const paid = await paidOrder(b.key);
    const pending = await createdOrder(b.key);
    const before = await orderRow(paid.id);

    expectError(await api(a.key, 'GET', `/orders/${paid.id}`), 404, 'NOT_FOUND');
    expectError(await api(a.key, 'GET', `/orders?merchant_order_no=${paid.merchant_order_no}`), 404, 'NOT_FOUND');
    expectError(await api(a.key, 'POST', `/orders/${pending.id}/close`), 404, 'NOT_FOUND');
    expectError(await api(a.key, 'POST', `/orders/${paid.id}/refunds`, { body: { amount: 100 } }), 404, 'NOT_FOUND');
    expectError(
      await api(a.key, 'POST', `/orders/${paid.id}/shipment`, {
        body: { carrier: '顺丰速运', tracking_number: 'SF1' },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api(a.key, 'POST', `/orders/${randomUUID()}/refunds`, { body: { amount: 100 } }),
      404,
      'NOT_FOUND',
    );

    expect(await orderRow(paid.id)).toEqual(before);
    expect((await orderRow(pending.id)).status).toBe('PENDING');
    expect(await db.refund.count({ where: { orderId: paid.id } })).toBe(0);
  });
});

describe('refunds and shipment', () => {
  it('refunds part of a paid order, refuses more than what is left (422 REFUND_EXCEEDS_PAID) and an unpaid order (409)', async () => {
    const { key } = await merchantWithKey();
    const order = await paidOrder(key, 10_000);
    const over = await api(key, 'POST', `/orders/${order.id}/refunds`, { body: { amount: 10_001 } });
    expectError(over, 422, 'REFUND_EXCEEDS_PAID', 'amount');

    const refund = await api(key, 'POST', `/orders/${order.id}/refunds`, { body: { amount: 4_000, reason: '缺货' } });
    expect(refund.status, refund.text).toBe(201);
    expect(RefundObject.parse(refund.json)).toMatchObject({
      object: 'refund',
      order_id: order.id,
      amount: 4_000,
      reason: '缺货',
    });
    expectError(
      await api(key, 'POST', `/orders/${order.id}/refunds`, { body: { amount: 6_001 } }),
      422,
      'REFUND_EXCEEDS_PAID',
      'amount',
    );

    const after = OrderObject.parse((await api(key, 'GET', `/orders/${order.id}`)).json);
    expect(after).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      amount_refunded: 4_000,
      payment_method: 'balance',
      fee: 60,
    });

    const unpaid = await createdOrder(key);
    expectError(await api(key, 'POST', `/orders/${unpaid.id}/refunds`, { body: { amount: 1 } }), 409, 'ORDER_NOT_PAID');
    expectError(await api(key, 'POST', `/orders/${order.id}/close`), 409, 'ORDER_NOT_PENDING');
  });

  it.each(BAD_AMOUNTS)('answers 422 naming amount for amount %s on refund, and refunds nothing', async (raw) => {
    const { key } = await merchantWithKey();
    const order = await paidOrder(key, 10_000);
    expectError(
      await api(key, 'POST', `/orders/${order.id}/refunds`, { raw: `{"amount":${raw}}` }),
      422,
      'INVALID_INPUT',
      'amount',
    );
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(0);
    expect((await orderRow(order.id)).refundedAmount).toBe(0n);
  });

  it('lets exactly one of 10 concurrent refunds of 60 % through (different keys), never above the paid amount', async () => {
    const { key, merchant } = await merchantWithKey();
    const order = await paidOrder(key, 10_000);
    const calls = await Promise.all(
      Array.from({ length: 10 }, () => api(key, 'POST', `/orders/${order.id}/refunds`, { body: { amount: 6_000 } })),
    );
    const ok = calls.filter((c) => c.status === 201);
    expect(ok).toHaveLength(1);
    for (const c of calls.filter((x) => x.status !== 201)) expectError(c, 422, 'REFUND_EXCEEDS_PAID', 'amount');
    const row = await orderRow(order.id);
    expect(row.refundedAmount).toBe(6_000n);
    expect(row.refundedAmount <= row.amount).toBe(true);
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    const balance = await getBalance(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
    expect(balance.posted).toBe(10_000n - 60n - 6_000n);
  });

  it('replays a refund for its Idempotency-Key instead of refunding twice', async () => {
    const { key } = await merchantWithKey();
    const order = await paidOrder(key, 10_000);
    const idem = randomUUID();
    const first = await api(key, 'POST', `/orders/${order.id}/refunds`, {
      body: { amount: 1_000 },
      idempotencyKey: idem,
    });
    const second = await api(key, 'POST', `/orders/${order.id}/refunds`, {
      body: { amount: 1_000 },
      idempotencyKey: idem,
    });
    expect(second.text).toBe(first.text);
    expect((await orderRow(order.id)).refundedAmount).toBe(1_000n);
  });

  it('ships a paid order (200 SHIPPED) and refuses an unpaid one (409 ORDER_NOT_PAID)', async () => {
    const { key } = await merchantWithKey();
    const order = await paidOrder(key);
    const shipped = await api(key, 'POST', `/orders/${order.id}/shipment`, {
      body: { carrier: '顺丰速运', tracking_number: 'SF1234567890' },
    });
    expect(shipped.status, shipped.text).toBe(200);
    expect(OrderObject.parse(shipped.json)).toMatchObject({
      status: 'SHIPPED',
      shipment: { carrier: '顺丰速运', tracking_number: 'SF1234567890' },
    });
    expectError(
      await api(key, 'POST', `/orders/${order.id}/shipment`, { body: { carrier: '', tracking_number: 'x' } }),
      422,
      'INVALID_INPUT',
      'carrier',
    );
    const unpaid = await createdOrder(key);
    expectError(
      await api(key, 'POST', `/orders/${unpaid.id}/shipment`, {
        body: { carrier: '顺丰速运', tracking_number: 'SF1' },
      }),
      409,
      'ORDER_NOT_PAID',
    );
  });
});

describe('balance, balance transactions and the daily bill', () => {
  it('shows the ledger: paid amounts minus fees minus refunds, with a statement and a CSV bill of the day', async () => {
    const { key, merchant } = await merchantWithKey();
    const one = await paidOrder(key, 10_000);
    const two = await paidOrder(key, 8_888);
    expect((await api(key, 'POST', `/orders/${one.id}/refunds`, { body: { amount: 2_500 } })).status).toBe(201);
    await createdOrder(key); // unpaid: in no balance and no bill

    const balance = BalanceObject.parse((await api(key, 'GET', '/balance')).json);
    expect(balance).toEqual({
      object: 'balance',
      currency: 'CNY',
      available: 10_000 - 60 + 8_888 - 54 - 2_500,
      pending: 0,
      posted: 10_000 - 60 + 8_888 - 54 - 2_500,
    });

    const page1 = BalanceTransactionList.parse((await api(key, 'GET', '/balance_transactions?limit=2')).json);
    expect(page1.data.map((t) => [t.kind, t.amount])).toEqual([
      ['REFUND', -2_500],
      ['PAYMENT', 8_888 - 54],
    ]);
    expect(page1.data[0]!.balance_after).toBe(balance.posted);
    expect(page1.has_more).toBe(true);
    const page2 = BalanceTransactionList.parse(
      (await api(key, 'GET', `/balance_transactions?limit=2&starting_after=${page1.next_cursor}`)).json,
    );
    expect(page2.data.map((t) => [t.kind, t.amount])).toEqual([['PAYMENT', 10_000 - 60]]);
    expect(page2.has_more).toBe(false);
    expectError(await api(key, 'GET', '/balance_transactions?starting_after=bogus'), 400, 'INVALID_CURSOR');

    const bill = await api(key, 'GET', `/bills/${shanghaiDate(new Date())}`);
    expect(bill.status).toBe(200);
    expect(bill.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(bill.headers.get('content-disposition')).toBe(`attachment; filename="bill-${shanghaiDate(new Date())}.csv"`);
    const lines = bill.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('类型 Type');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines.filter((l) => l.startsWith('收款 PAYMENT'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('退款 REFUND'))).toContain(
      `${one.id},${one.merchant_order_no},咖啡豆 ×2,-25.00,0.00,-25.00`,
    );
    expect(lines.find((l) => l.includes(two.id))).toContain('88.88,0.54,88.34');
    expect(lines.at(-1)).toBe(`合计 Total (3),,,,,163.88,1.14,162.74,`);
    expect(Number(lines.at(-1)!.split(',')[7]) * 100).toBeCloseTo(balance.posted, 6);

    const otherDay = await api(key, 'GET', '/bills/2020-01-01');
    expect(
      otherDay.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(2);
    expectError(await api(key, 'GET', '/bills/2026-02-30'), 422, 'INVALID_INPUT', 'date');
    expectError(await api(key, 'GET', '/bills/yesterday'), 422, 'INVALID_INPUT', 'date');
    expect(await getBalance(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY)).toMatchObject({
      posted: BigInt(balance.posted),
    });
  });

  it('bills by the Asia/Shanghai day and counts payouts that succeeded that day (amount and fee off the balance)', async () => {
    const { key, merchant } = await merchantWithKey();
    const early = await paidOrder(key, 1_000);
    const late = await paidOrder(key, 2_000);
    // 00:00 in Shanghai is 16:00 UTC the day before.
    await db.order.update({ where: { id: early.id }, data: { paidAt: new Date('2026-03-09T16:00:00.000Z') } });
    await db.order.update({ where: { id: late.id }, data: { paidAt: new Date('2026-03-10T15:59:59.999Z') } });
    const payout = (status: 'SUCCEEDED' | 'FAILED', completedAt: string) =>
      db.walletOperation.create({
        data: {
          userId: merchant.userId,
          merchantId: merchant.id,
          kind: 'PAYOUT',
          status,
          currency: 'CNY',
          amount: 500n,
          fee: 200n,
          idempotencyKey: randomUUID(),
          requestHash: 'test',
          completedAt: new Date(completedAt),
        },
      });
    const paidOut = await payout('SUCCEEDED', '2026-03-10T03:00:00.000Z');
    await payout('FAILED', '2026-03-10T04:00:00.000Z');
    await payout('SUCCEEDED', '2026-03-10T16:00:00.000Z'); // the 11th in Shanghai

    const lines = (await api(key, 'GET', '/bills/2026-03-10')).text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual([
      '类型 Type',
      '收款 PAYMENT',
      '提现 PAYOUT',
      '收款 PAYMENT',
      '合计 Total (3)',
    ]);
    expect(lines[1]).toContain('2026-03-10 00:00:00');
    expect(lines[2]).toBe(`提现 PAYOUT,2026-03-10 11:00:00,,,,-5.00,2.00,-7.00,${paidOut.id}`);
    expect(lines[3]).toContain('2026-03-10 23:59:59');
    expect(lines[4]).toBe('合计 Total (3),,,,,25.00,2.18,22.82,');
    const before = (await api(key, 'GET', '/bills/2026-03-09')).text.trimEnd().split('\r\n');
    expect(before).toHaveLength(2);
  });

  it('neutralises formula cells in the bill', async () => {
    const { key } = await merchantWithKey();
    const order = await createdOrder(key);
    await db.order.update({ where: { id: order.id }, data: { subject: '=HYPERLINK("http://evil")' } });
    const payer = await customerWithBalance(10_000n);
    await payOrderFromBalance(deps, {
      userId: payer.id,
      orderId: order.id,
      pin: TEST_PIN,
      idempotencyKey: randomUUID(),
    });
    const bill = await api(key, 'GET', `/bills/${shanghaiDate(new Date())}`);
    expect(bill.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('a database that cannot take the request', () => {
  /** The same database with every transaction of the client read-only, as a standby or a full disk would answer. */
  function readOnlyUrl(url: string): string {
    const u = new URL(url);
    u.searchParams.set('options', '-c default_transaction_read_only=on');
    return u.toString();
  }

  function send(
    apiDeps: MerchantApiDeps,
    key: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ) {
    const headers = new Headers({ authorization: `Bearer ${key}` });
    if (method === 'POST') {
      headers.set('content-type', 'application/json');
      headers.set('idempotency-key', idempotencyKey ?? randomUUID());
    }
    const request = new Request(`${APP_URL}/api/v1${path}`, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(body) : undefined,
    });
    return route(apiDeps, request);
  }

  it('refusing writes: 503 with Retry-After and nothing written; the same request goes through once writes are back', async () => {
    const { key, merchant } = await merchantWithKey();
    const readOnly = createDb(readOnlyUrl(database.url), 2);
    try {
      const body = orderBody();
      const idempotencyKey = randomUUID();
      const refused = await send({ ...deps, db: readOnly }, key, 'POST', '/orders', body, idempotencyKey);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable; try again' },
      });
      expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(0);
      const claims = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM api_idempotency_keys WHERE key = ${idempotencyKey}`;
      expect(claims[0]!.n).toBe(0);

      const accepted = await send(deps, key, 'POST', '/orders', body, idempotencyKey);
      expect(accepted.status, await accepted.clone().text()).toBe(201);
      expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(1);
    } finally {
      await readOnly.$disconnect();
    }
  });

  it('unreachable: 503 for a read too, and nothing of the failure in the body', async () => {
    const { key } = await merchantWithKey();
    const nowhere = createDb('postgresql://wallet@127.0.0.1:9/nowhere', 1);
    try {
      const answer = await send({ ...deps, db: nowhere }, key, 'GET', '/balance');
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable; try again' },
      });
    } finally {
      await nowhere.$disconnect();
    }
  });
});

describe('hidden characters in text fields', () => {
  it('an order whose subject has U+202E is 422 INVALID_INPUT naming subject, and no order is written', async () => {
    const { key, merchant } = await merchantWithKey();
    const body = { ...orderBody(), subject: '咖啡豆\u202E2× 发票' };
    const call = await api(key, 'POST', '/orders', { body });
    expectError(call, 422, 'INVALID_INPUT', 'subject');
    expect(call.json.error.message).toBe(
      'subject: must not contain a text direction control character (U+202E at character 4)',
    );
    expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(0);
  });

  it('a refund reason or a carrier with an invisible character is 422 naming the field; nothing moves', async () => {
    const { key, merchant } = await merchantWithKey();
    const order = await paidOrder(key, 1_000);
    expectError(
      await api(key, 'POST', `/orders/${order.id}/refunds`, { body: { amount: 100, reason: '缺\u200B货' } }),
      422,
      'INVALID_INPUT',
      'reason',
    );
    expectError(
      await api(key, 'POST', `/orders/${order.id}/shipment`, {
        body: { carrier: '顺丰\u2066', tracking_number: 'SF1' },
      }),
      422,
      'INVALID_INPUT',
      'carrier',
    );
    expect(await db.refund.count({ where: { merchantId: merchant.id } })).toBe(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: 'PAID',
      refundedAmount: 0n,
      carrier: null,
    });
  });
});

describe('a frozen merchant', () => {
  async function freeze(userId: string, frozen: boolean) {
    const admin = await createTestUser(db, '管理员');
    await db.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
    await enableTestTwoFactor(db, admin.id);
    await setUserFrozen(db, { actorId: admin.id, userId, frozen, note: frozen ? '风控调查' : '调查结束' });
  }

  async function snapshot(merchantId: string) {
    const orderIds = (await db.order.findMany({ where: { merchantId }, select: { id: true } })).map((o) => o.id);
    return {
      orders: await db.order.findMany({ where: { merchantId }, orderBy: { id: 'asc' } }),
      events: await db.orderEvent.count({ where: { orderId: { in: orderIds } } }),
      refunds: await db.refund.count({ where: { merchantId } }),
      webhooks: await db.webhookEvent.count({ where: { merchantId } }),
      notifications: await db.notification.count(),
      keys: await db.apiIdempotencyKey.findMany({ where: { merchantId }, orderBy: { key: 'asc' } }),
      balance: (await getBalance(db, merchantBalanceCode(merchantId), DEFAULT_CURRENCY)).posted,
    };
  }

  it('every POST (create, refund, close, shipment, even a bad body) is 403 MERCHANT_FROZEN and writes nothing, no claim on its key; reads still work', async () => {
    const { key, merchant } = await merchantWithKey();
    const paid = await paidOrder(key, 10_000);
    const pending = await createdOrder(key);
    const earlierRefundKey = randomUUID();
    const earlierRefund = await api(key, 'POST', `/orders/${paid.id}/refunds`, {
      body: { amount: 1_000 },
      idempotencyKey: earlierRefundKey,
    });
    expect(earlierRefund.status, earlierRefund.text).toBe(201);
    await freeze(merchant.userId, true);
    const before = await snapshot(merchant.id);

    const writes: [string, unknown][] = [
      ['/orders', orderBody()],
      [`/orders/${paid.id}/refunds`, { amount: 500, reason: '缺货' }],
      [`/orders/${pending.id}/close`, {}],
      [`/orders/${paid.id}/shipment`, { carrier: '顺丰速运', tracking_number: 'SF1' }],
    ];
    for (const [path, body] of writes) {
      const idempotencyKey = randomUUID();
      const call = await api(key, 'POST', path, { body, idempotencyKey });
      expectError(call, 403, 'MERCHANT_FROZEN');
      expect(call.headers.get('idempotent-replayed')).toBeNull();
      expect(await db.apiIdempotencyKey.count({ where: { merchantId: merchant.id, key: idempotencyKey } }), path).toBe(
        0,
      );
    }
    expectError(await api(key, 'POST', '/orders', { raw: '{not json' }), 403, 'MERCHANT_FROZEN');
    expect(await snapshot(merchant.id)).toEqual(before);

    // What ran before the freeze is still answered: the retry learns that its refund happened.
    const replay = await api(key, 'POST', `/orders/${paid.id}/refunds`, {
      body: { amount: 1_000 },
      idempotencyKey: earlierRefundKey,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(earlierRefund.json);

    const read = await api(key, 'GET', `/orders/${paid.id}`);
    expect(read.status).toBe(200);
    expect(OrderObject.parse(read.json)).toMatchObject({ status: 'PARTIALLY_REFUNDED', amount_refunded: 1_000 });
    expect(OrderList.parse((await api(key, 'GET', '/orders')).json).data).toHaveLength(2);
    expect(BalanceObject.parse((await api(key, 'GET', '/balance')).json).posted).toBe(Number(before.balance));
    expect((await api(key, 'GET', '/balance_transactions')).status).toBe(200);
    expect(await snapshot(merchant.id)).toEqual(before);
  });

  it('after the unfreeze the same Idempotency-Key runs the request (the 403 was not stored)', async () => {
    const { key, merchant } = await merchantWithKey();
    const pending = await createdOrder(key);
    await freeze(merchant.userId, true);
    const body = orderBody(2_000);
    const createKey = randomUUID();
    const closeKey = randomUUID();
    expectError(await api(key, 'POST', '/orders', { body, idempotencyKey: createKey }), 403, 'MERCHANT_FROZEN');
    expectError(
      await api(key, 'POST', `/orders/${pending.id}/close`, { idempotencyKey: closeKey }),
      403,
      'MERCHANT_FROZEN',
    );

    await freeze(merchant.userId, false);
    const created = await api(key, 'POST', '/orders', { body, idempotencyKey: createKey });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('idempotent-replayed')).toBeNull();
    expect(OrderObject.parse(created.json)).toMatchObject({
      merchant_order_no: body.merchant_order_no,
      status: 'PENDING',
    });
    const closed = await api(key, 'POST', `/orders/${pending.id}/close`, { idempotencyKey: closeKey });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.status).toBe('CLOSED');
  });
});

describe('rate limit per API key', () => {
  it('answers with the RateLimit fields; past 100 requests in a second, 429 with Retry-After and nothing runs; another key is unaffected', async () => {
    const { key } = await merchantWithKey();
    const ok = await api(key, 'GET', '/balance');
    expect(ok.status, ok.text).toBe(200);
    expect(ok.headers.get('ratelimit-policy')).toBe(`${RATE_LIMITS.merchantApiPerKey.points};w=1`);
    expect(Number(ok.headers.get('ratelimit-remaining'))).toBe(RATE_LIMITS.merchantApiPerKey.points - 1);

    // The rest of this second's budget spent at once (as 99 quick requests would).
    await consumeRateLimit(
      'merchantApiPerKey',
      key.split('_').slice(0, 2).join('_'),
      RATE_LIMITS.merchantApiPerKey.points - 1,
    );
    const orders = await db.order.count();
    const refused = await api(key, 'POST', '/orders', { body: orderBody() });
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await db.order.count()).toBe(orders);

    const other = await merchantWithKey();
    expect((await api(other.key, 'GET', '/balance')).status).toBe(200);
  });
});

describe('openapi.json', () => {
  const CONTRACT_PATHS = [
    ['/orders', 'post'],
    ['/orders', 'get'],
    ['/orders/{id}', 'get'],
    ['/orders/{id}/close', 'post'],
    ['/orders/{id}/refunds', 'post'],
    ['/orders/{id}/shipment', 'post'],
    ['/balance', 'get'],
    ['/balance_transactions', 'get'],
    ['/bills/{date}', 'get'],
    ['/openapi.json', 'get'],
  ] as const;

  it('validates as OpenAPI 3.1 and has every path of the contract', async () => {
    const doc = openApiDocument(APP_URL) as unknown as OpenAPI.Document & {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc));
    for (const [path, method] of CONTRACT_PATHS) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const schemas = (doc as any).components.schemas;
    expect(schemas.CreateOrderRequest.properties.amount).toMatchObject({ type: 'integer', minimum: 1, maximum: 1e15 });
    expect(schemas.CreateOrderRequest.required).toEqual(['merchant_order_no', 'amount', 'subject']);
    expect(schemas.Order.properties.status.enum).toContain('PARTIALLY_REFUNDED');
  });

  it('is checked by a validator that does fail on a broken document', async () => {
    const doc = structuredClone(openApiDocument(APP_URL)) as any;
    doc.paths['/orders'].post.responses['201'].content['application/json'].schema = {
      $ref: '#/components/schemas/Missing',
    };
    await expect(SwaggerParser.validate(doc)).rejects.toThrow();
    const noInfo = structuredClone(openApiDocument(APP_URL)) as any;
    delete noInfo.info;
    await expect(SwaggerParser.validate(noInfo)).rejects.toThrow();
  });
});
