// The one-round-trip payment (pay-order-from-balance.ts, wallet_pay_order_from_balance) writes
// exactly what the step-by-step use case it replaced wrote (testing/pay-order-step-by-step.ts),
// and answers the same: each case runs once through each path on twin worlds (a customer, a
// merchant and an order each, made the same way), and everything the payment touches is
// compared with its ids and clocks named: the operation and its events, the ledger entry and
// its postings, the order and its events, the receipt, the merchant's notification and its
// delivery job, the balances, and the answer or the error.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode } from '@/ledger';
import type { Db } from '../db';
import type { AppDeps } from '../core/deps';
import { setUserFrozen } from '../admin/users/set-user-frozen';
import { enableTestTwoFactor } from '../admin/testing/admin-fixtures';
import { QUEUES } from '../jobs/job-queue';
import { newWebhookSecret } from '../merchants/api-keys';
import { ensureAccount } from '../stored-ledger';
import { expectLedgerInvariants, fundWallet } from '../stored-ledger/testing/ledger-test-helpers';
import { startBankFlowHarness, type BankFlowHarness } from '../wallet/testing/bank-flow-harness';
import { createTestUser, TEST_PIN, WRONG_TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { closeOrder } from './close-order';
import { createOrder } from './create-order';
import { payOrderFromBalance, type PayFromBalanceInput } from './pay-order-from-balance';
import { payOrderStepByStep } from './testing/pay-order-step-by-step';
import { operationRequestHash } from '../wallet/operations/begin-operation';

let harness: BankFlowHarness;
let db: Db;
let deps: AppDeps;

beforeAll(async () => {
  harness = await startBankFlowHarness('pay_order_lean', { dbPoolSize: 20 });
  ({ db, deps } = harness);
});
afterEach(() => expectLedgerInvariants(db));
afterAll(() => harness?.close());

type Pay = (deps: AppDeps, input: PayFromBalanceInput) => Promise<{ operationId: string; orderId: string }>;
const PATHS: Record<'stepByStep' | 'lean', Pay> = { stepByStep: payOrderStepByStep, lean: payOrderFromBalance };

type WorldOptions = { balance?: bigint; amount?: bigint; webhookUrl?: string | null; notifyUrl?: string | null };
type World = { customerId: string; merchantUserId: string; merchantId: string; orderId: string };

/** A funded customer, an approved merchant with its balance account, and one PENDING order. */
async function world(options: WorldOptions = {}): Promise<World> {
  const customer = await createTestUser(db, '测试客户');
  await fundWallet(db, customer.id, options.balance ?? 10_000n);
  const owner = await createTestUser(db, '测试商户');
  const merchant = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: '测试商店',
      status: 'APPROVED',
      webhookSecret: newWebhookSecret(),
      webhookUrl: options.webhookUrl === undefined ? 'https://shop.example/hooks' : options.webhookUrl,
    },
  });
  await ensureAccount(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
  const orderId = await newOrder(merchant.id, options);
  return { customerId: customer.id, merchantUserId: owner.id, merchantId: merchant.id, orderId };
}

async function newOrder(merchantId: string, options: WorldOptions = {}): Promise<string> {
  const order = await createOrder(db, {
    merchantId,
    merchantOrderNo: `L-${randomUUID()}`,
    amount: options.amount ?? 2_580n,
    currency: DEFAULT_CURRENCY,
    subject: '咖啡豆 "深烘" ×2\n(礼盒)',
    notifyUrl: options.notifyUrl === undefined ? 'https://shop.example/notify' : options.notifyUrl,
    returnUrl: 'https://shop.example/return',
    expiresInSeconds: 1_800,
  });
  return order.id;
}

/** The answer, or the error as a client sees it (code, field, details). */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    const e = error as { code?: unknown; field?: unknown; details?: unknown; constructor: { name: string } };
    return { error: e.constructor.name, code: e.code, field: e.field, details: e.details };
  }
}

/** Everything a payment may have written for this world, with ids and clocks named. */
async function snapshot(w: World, answer: unknown) {
  const operations = await db.walletOperation.findMany({
    where: { userId: w.customerId, kind: 'PAYMENT' },
    include: { events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const entryIds = operations.flatMap((o) => (o.ledgerEntryId ? [o.ledgerEntryId] : []));
  const entries = await db.$queryRaw<{ id: string; kind: string; status: string; key: string; meta: unknown }[]>`
    SELECT id::text, kind, status::text, idempotency_key AS key, metadata AS meta
      FROM journal_entries WHERE id = ANY(${entryIds}::uuid[]) ORDER BY id`;
  const postings = await db.$queryRaw<{ entry: string; account: string; amount: string }[]>`
    SELECT p.entry_id::text AS entry, a.code AS account, p.amount::text AS amount
      FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
     WHERE p.entry_id = ANY(${entryIds}::uuid[]) ORDER BY p.entry_id, a.code`;
  const orders = await db.order.findMany({
    where: { merchantId: w.merchantId },
    include: { events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const notifications = await db.notification.findMany({
    where: { userId: { in: [w.customerId, w.merchantUserId] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const webhooks = await db.webhookEvent.findMany({
    where: { merchantId: w.merchantId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const jobs = await db.$queryRaw<{ data: { eventId: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = ${QUEUES.deliverWebhook}
       AND data->>'eventId' = ANY(${webhooks.map((e) => e.id)}) ORDER BY data->>'eventId'`;
  const balances = await db.$queryRaw<{ code: string; balance: string }[]>`
    SELECT code, balance::text FROM ledger_accounts WHERE code IN (${'user:' + w.customerId + ':wallet'},
      ${merchantBalanceCode(w.merchantId)}) ORDER BY code`;

  const state = {
    answer,
    operations: operations.map(({ createdAt, completedAt, events, requestHash, ...o }) => ({
      ...o,
      // The hash covers the order's id, so it differs between twins: each must be its request's.
      requestHash:
        requestHash ===
        operationRequestHash({
          userId: o.userId,
          kind: o.kind,
          amount: o.amount,
          currency: DEFAULT_CURRENCY,
          idempotencyKey: o.idempotencyKey,
          memo: o.memo,
          orderId: o.orderId!,
          paymentMethod: o.paymentMethod!,
        }),
      createdAt: createdAt instanceof Date,
      completedAt: completedAt instanceof Date,
      events: events.map(({ id, createdAt: at, ...e }) => ({ ...e, id: typeof id, at: at instanceof Date })),
    })),
    entries,
    postings,
    orders: orders.map(({ createdAt, updatedAt, paidAt, expiresAt, closedAt, events, ...o }) => ({
      ...o,
      times: [createdAt, updatedAt, expiresAt].every((t) => t instanceof Date),
      paid: paidAt instanceof Date,
      closed: closedAt instanceof Date,
      events: events.map(({ id, createdAt: at, ...e }) => ({ ...e, id: typeof id, at: at instanceof Date })),
    })),
    notifications: notifications.map(({ id, createdAt, ...n }) => ({
      ...n,
      id: typeof id,
      at: createdAt instanceof Date,
    })),
    webhooks: webhooks.map(({ createdAt, nextAttemptAt, payload, ...e }) => ({
      ...e,
      due: nextAttemptAt?.getTime() === createdAt.getTime(),
      payload: withTimesNamed(payload),
    })),
    jobs: jobs.map((j) => j.data),
    balances,
  };
  return nameIds(state, w, operations, webhooks);
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
function withTimesNamed(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' && ISO_TIME.test(v) ? 'TIME' : v,
  );
}

/** The world's own ids by role, any other uuid by its first appearance: twins then compare equal. */
function nameIds(
  state: object,
  w: World,
  operations: { id: string; ledgerEntryId: string | null }[],
  webhooks: { id: string }[],
): unknown {
  const names = new Map<string, string>([
    [w.customerId, 'CUSTOMER'],
    [w.merchantUserId, 'MERCHANT_USER'],
    [w.merchantId, 'MERCHANT'],
    [w.orderId, 'ORDER'],
  ]);
  operations.forEach((o, i) => {
    names.set(o.id, `OPERATION_${i}`);
    if (o.ledgerEntryId) names.set(o.ledgerEntryId, `ENTRY_${i}`);
  });
  webhooks.forEach((e, i) => names.set(e.id, `WEBHOOK_${i}`));
  const text = JSON.stringify(state, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  let other = 0;
  return JSON.parse(
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!names.has(id)) names.set(id, `OTHER_${other++}`);
      return names.get(id)!;
    }),
  );
}

/** Runs `scenario` on a twin world per path and expects the two to end the same. */
async function expectSameEffects(
  make: () => Promise<World>,
  scenario: (pay: Pay, w: World) => Promise<unknown>,
): Promise<unknown> {
  const states: unknown[] = [];
  for (const pay of [PATHS.stepByStep, PATHS.lean]) {
    const w = await make();
    const answer = await scenario(pay, w);
    states.push(await snapshot(w, answer));
  }
  expect(states[1]).toEqual(states[0]);
  return states[1];
}

const payOnce = (pay: Pay, w: World, key: string = randomUUID(), orderId = w.orderId, userId = w.customerId) =>
  outcome(() => pay(deps, { userId, orderId, pin: TEST_PIN, idempotencyKey: key }));

describe('the lean payment writes what the step-by-step one wrote', () => {
  it('paid: operation, events, entry, order, receipt, order.paid with its job, balances', async () => {
    const state = (await expectSameEffects(
      () => world(),
      (pay, w) => payOnce(pay, w),
    )) as {
      answer: unknown;
      webhooks: unknown[];
      jobs: unknown[];
      notifications: unknown[];
    };
    // Not two empty worlds compared: the payment is there.
    expect(state.answer).toEqual({ ok: { operationId: 'OPERATION_0', orderId: 'ORDER' } });
    expect(state.webhooks).toHaveLength(1);
    expect(state.jobs).toEqual([{ eventId: 'WEBHOOK_0' }]);
    expect(state.notifications).toHaveLength(1);
  });

  it("paid to a merchant with no notify URL on the order: the merchant's own URL, or no notification", async () => {
    await expectSameEffects(
      () => world({ notifyUrl: null }),
      (pay, w) => payOnce(pay, w),
    );
    const state = (await expectSameEffects(
      () => world({ notifyUrl: null, webhookUrl: null }),
      (pay, w) => payOnce(pay, w),
    )) as { webhooks: unknown[] };
    expect(state.webhooks).toEqual([]);
  });

  it('insufficient funds: refused, nothing written', async () => {
    const state = (await expectSameEffects(
      () => world({ balance: 2_579n }),
      (pay, w) => payOnce(pay, w),
    )) as { answer: { code: string }; operations: unknown[] };
    expect(state.answer.code).toBe('INSUFFICIENT_FUNDS');
    expect(state.operations).toEqual([]);
  });

  it('a frozen customer and a frozen merchant are refused', async () => {
    const admin = await createTestUser(db, '管理员');
    await db.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
    await enableTestTwoFactor(db, admin.id);
    const freeze = (userId: string) => setUserFrozen(db, { actorId: admin.id, userId, frozen: true, note: '风控调查' });
    for (const who of ['customerId', 'merchantUserId'] as const) {
      const state = (await expectSameEffects(
        () => world(),
        async (pay, w) => {
          await freeze(w[who]);
          return payOnce(pay, w);
        },
      )) as { answer: { code: string } };
      expect(state.answer.code).toBe(who === 'customerId' ? 'ACCOUNT_FROZEN' : 'MERCHANT_FROZEN');
    }
  });

  it('an expired order and a closed order are not payable', async () => {
    const expired = (await expectSameEffects(
      () => world(),
      async (pay, w) => {
        await db.$executeRaw`UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ${w.orderId}::uuid`;
        return payOnce(pay, w);
      },
    )) as { answer: unknown };
    expect(expired.answer).toMatchObject({ code: 'ORDER_NOT_PAYABLE', details: { status: 'EXPIRED' } });

    const closed = (await expectSameEffects(
      () => world(),
      async (pay, w) => {
        await closeOrder(deps, { merchantId: w.merchantId, orderId: w.orderId });
        return payOnce(pay, w);
      },
    )) as { answer: unknown };
    expect(closed.answer).toMatchObject({ code: 'ORDER_NOT_PAYABLE', details: { status: 'CLOSED' } });
  });

  it("the shop's own order, an unknown order, a wrong PIN", async () => {
    const own = (await expectSameEffects(
      async () => {
        const w = await world();
        await fundWallet(db, w.merchantUserId, 10_000n);
        return w;
      },
      (pay, w) => payOnce(pay, w, randomUUID(), w.orderId, w.merchantUserId),
    )) as { answer: { code: string } };
    expect(own.answer.code).toBe('CANNOT_PAY_OWN_ORDER');

    const unknown = (await expectSameEffects(
      () => world(),
      (pay, w) => payOnce(pay, w, randomUUID(), randomUUID()),
    )) as { answer: { code: string } };
    expect(unknown.answer.code).toBe('NOT_FOUND');

    const wrongPin = (await expectSameEffects(
      () => world(),
      (pay, w) =>
        outcome(() =>
          pay(deps, { userId: w.customerId, orderId: w.orderId, pin: WRONG_TEST_PIN, idempotencyKey: randomUUID() }),
        ),
    )) as { answer: { code: string } };
    expect(wrongPin.answer.code).toBe('WRONG_PIN');
  });

  it('limits: over the per-payment limit, and the day full after earlier payments', async () => {
    const perOperation = (await expectSameEffects(
      () => world({ balance: 6_000_000n, amount: 5_000_001n }),
      (pay, w) => payOnce(pay, w),
    )) as { answer: unknown };
    expect(perOperation.answer).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'PER_OPERATION' } });

    const perDay = (await expectSameEffects(
      () => world({ balance: 20_000_100n, amount: 5_000_000n }),
      async (pay, w) => {
        const answers = [await payOnce(pay, w)];
        for (let i = 0; i < 4; i++) {
          answers.push(await payOnce(pay, w, randomUUID(), await newOrder(w.merchantId, { amount: 5_000_000n })));
        }
        return answers;
      },
    )) as { answer: { code?: string; details?: unknown }[] };
    expect(perDay.answer[4]).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 'PER_DAY', remaining: '0' },
    });
  });

  it('a retried request answers with the first payment; a key reused for another order is refused', async () => {
    const state = (await expectSameEffects(
      () => world(),
      async (pay, w) => {
        const key = randomUUID();
        const first = await payOnce(pay, w, key);
        const again = await payOnce(pay, w, key);
        const otherOrder = await newOrder(w.merchantId);
        const reused = await payOnce(pay, w, key, otherOrder);
        return { first, again, reused };
      },
    )) as { answer: { first: unknown; again: unknown; reused: { code: string } }; operations: unknown[] };
    expect(state.answer.again).toEqual(state.answer.first);
    expect(state.answer.reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(state.operations).toHaveLength(1);
  });

  it('paid twice at once: with two keys one pays and one is refused; with one key both answer the same', async () => {
    const twoKeys = (await expectSameEffects(
      () => world({ balance: 20_000n }),
      async (pay, w) => {
        const answers = await Promise.all([payOnce(pay, w), payOnce(pay, w)]);
        // Which one wins is a race; what the two say between them is not.
        return answers.map((a) => JSON.stringify(a)).sort();
      },
    )) as { answer: string[]; operations: unknown[] };
    expect(twoKeys.answer.map((a) => JSON.parse(a) as unknown)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ok: expect.anything() }),
        expect.objectContaining({ code: 'ORDER_NOT_PAYABLE', details: { status: 'PAID' } }),
      ]),
    );
    expect(twoKeys.operations).toHaveLength(1);

    const oneKey = (await expectSameEffects(
      () => world({ balance: 20_000n }),
      async (pay, w) => {
        const key = randomUUID();
        return Promise.all([payOnce(pay, w, key), payOnce(pay, w, key)]);
      },
    )) as { answer: unknown[]; operations: unknown[] };
    expect(oneKey.answer[0]).toEqual(oneKey.answer[1]);
    expect(oneKey.operations).toHaveLength(1);
  });
});
