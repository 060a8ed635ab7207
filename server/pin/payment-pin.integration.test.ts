// The payment PIN against real PostgreSQL: every action that moves money or changes a
// merchant credential refuses without the PIN, with a wrong one and before one is set, and
// changes nothing then; five wrong PINs lock the PIN (not sign-in) for three hours on the
// database clock, even against the right one; concurrent wrong guesses count exactly; a right
// PIN resets the count; setting a PIN refuses trivial ones and mismatches; a forgotten PIN is
// reset with the login password and an emailed code.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import { fundWallet, linkTestBankAccount, walletDepsWithoutBank } from '../admin/testing/admin-fixtures';
import { checkSignIn } from '../auth/sign-in';
import { httpStatusForError } from '../http/error-status';
import { ensureAccount, getBalance } from '../stored-ledger';
import { newWebhookSecret } from '../merchants/api-keys';
import {
  changeWebhookUrlWithPin,
  createApiKeyWithPin,
  revealWebhookSecretWithPin,
  rotateWebhookSecretWithPin,
} from '../merchants/pin-guarded-credentials';
import { createOrder } from '../orders/create-order';
import { payOrderFromBalance } from '../orders/pay-order-from-balance';
import { requestMerchantPayout } from '../payouts/request-merchant-payout';
import { requestWithdrawal } from '../wallet/operations/request-withdrawal';
import { transferToUser } from '../wallet/operations/transfer-to-user';
import { createTestUser, TEST_PASSWORD, TEST_PIN, WRONG_TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { hashPin } from './pin-hash';
import { finishPinReset, PIN_RESET_CODE_ATTEMPTS, startPinReset } from './reset-payment-pin';
import { setPaymentPin } from './set-payment-pin';
import { MAX_WRONG_PINS, PIN_LOCK_HOURS, verifyPaymentPin } from './verify-payment-pin';

const db = testDb(12);
// The bank and the job queue throw if reached: a refused action must stop before them.
const deps = walletDepsWithoutBank(db);
afterAll(() => db.$disconnect());

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; status: number; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; details?: unknown };
    return { code: e.code, status: httpStatusForError(error), ...(e.details ? { details: e.details } : {}) };
  }
  throw new Error('expected a refusal');
}

const pinState = (userId: string) =>
  db.user.findUniqueOrThrow({ where: { id: userId }, select: { failedPinCount: true, pinLockedUntil: true } });

/** A merchant (approved, settlement account linked, some balance) and a customer with money and an open order of it. */
async function scene(options: { withPin?: boolean } = {}) {
  const customer = await createTestUser(db, '张三', options);
  const payee = await createTestUser(db, '李四');
  await fundWallet(db, customer.id, 100_000n);
  const bankAccountId = await linkTestBankAccount(db, customer.id);
  const owner = await createTestUser(db, '商户', options);
  await db.user.update({ where: { id: owner.id }, data: { role: 'MERCHANT' } });
  const settlement = await linkTestBankAccount(db, owner.id);
  const merchant = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: '测试小店',
      status: 'APPROVED',
      settlementBankAccountId: settlement,
      webhookSecret: newWebhookSecret(),
      webhookUrl: 'https://shop.example/hooks',
    },
  });
  await ensureAccount(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
  const order = await createOrder(db, {
    merchantId: merchant.id,
    merchantOrderNo: `PIN-${randomUUID()}`,
    amount: 1_280n,
    currency: DEFAULT_CURRENCY,
    subject: '测试商品',
    notifyUrl: null,
    returnUrl: null,
    expiresInSeconds: 1_800,
  });
  return { customer, payee, bankAccountId, owner, merchant, order };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** Everything any of the actions could change. */
async function footprint(s: Scene) {
  const [operations, entries, customerBalance, payeeBalance, merchantBalance, keys, merchant, order] =
    await Promise.all([
      db.walletOperation.count({ where: { userId: { in: [s.customer.id, s.owner.id] } } }),
      db.journalEntry.count(),
      getBalance(db, userWalletCode(s.customer.id), DEFAULT_CURRENCY),
      getBalance(db, userWalletCode(s.payee.id), DEFAULT_CURRENCY),
      getBalance(db, merchantBalanceCode(s.merchant.id), DEFAULT_CURRENCY),
      db.merchantApiKey.count({ where: { merchantId: s.merchant.id } }),
      db.merchant.findUniqueOrThrow({
        where: { id: s.merchant.id },
        select: { webhookUrl: true, webhookSecret: true, previousWebhookSecret: true },
      }),
      db.order.findUniqueOrThrow({ where: { id: s.order.id }, select: { status: true } }),
    ]);
  return { operations, entries, customerBalance, payeeBalance, merchantBalance, keys, merchant, order };
}

/** Each PIN-confirmed action, by the user whose PIN it takes. */
const ACTIONS: { name: string; who: (s: Scene) => string; run: (s: Scene, pin: string) => Promise<unknown> }[] = [
  {
    name: 'transfer',
    who: (s) => s.customer.id,
    run: (s, pin) =>
      transferToUser(deps, {
        userId: s.customer.id,
        recipientEmail: s.payee.email,
        amount: 1_000n,
        memo: null,
        idempotencyKey: randomUUID(),
        pin,
      }),
  },
  {
    name: 'withdraw',
    who: (s) => s.customer.id,
    run: (s, pin) =>
      requestWithdrawal(deps, {
        userId: s.customer.id,
        amount: 1_000n,
        bankAccountId: s.bankAccountId,
        idempotencyKey: randomUUID(),
        pin,
      }),
  },
  {
    name: 'pay from balance',
    who: (s) => s.customer.id,
    run: (s, pin) =>
      payOrderFromBalance(deps, { userId: s.customer.id, orderId: s.order.id, idempotencyKey: randomUUID(), pin }),
  },
  {
    name: 'merchant payout',
    who: (s) => s.owner.id,
    run: (s, pin) =>
      requestMerchantPayout(deps, {
        merchantId: s.merchant.id,
        userId: s.owner.id,
        amount: 100n,
        idempotencyKey: randomUUID(),
        pin,
      }),
  },
  {
    name: 'create an API key',
    who: (s) => s.owner.id,
    run: (s, pin) => createApiKeyWithPin(db, { merchantId: s.merchant.id, userId: s.owner.id }, 'prod', pin),
  },
  {
    name: 'reveal the webhook secret',
    who: (s) => s.owner.id,
    run: (s, pin) => revealWebhookSecretWithPin(db, { merchantId: s.merchant.id, userId: s.owner.id }, pin),
  },
  {
    name: 'rotate the webhook secret',
    who: (s) => s.owner.id,
    run: (s, pin) => rotateWebhookSecretWithPin(db, { merchantId: s.merchant.id, userId: s.owner.id }, pin),
  },
  {
    name: 'change the webhook URL',
    who: (s) => s.owner.id,
    run: (s, pin) =>
      changeWebhookUrlWithPin(db, { merchantId: s.merchant.id, userId: s.owner.id }, 'https://evil.example/steal', pin),
  },
];

describe.each(ACTIONS)('$name', ({ who, run }) => {
  it('refuses without the PIN, with a wrong one, with a malformed one and while locked, changing nothing', async () => {
    const s = await scene();
    const before = await footprint(s);

    expect(await errorOf(run(s, ''))).toEqual({ code: 'PIN_REQUIRED', status: 422 });
    expect(await errorOf(run(s, '12345'))).toEqual({ code: 'INVALID_INPUT', status: 422 });
    expect(await errorOf(run(s, WRONG_TEST_PIN))).toEqual({
      code: 'WRONG_PIN',
      status: 422,
      details: { attemptsLeft: 4 },
    });
    expect(await pinState(who(s))).toMatchObject({ failedPinCount: 1, pinLockedUntil: null });
    for (let i = 2; i <= MAX_WRONG_PINS; i++) await errorOf(run(s, WRONG_TEST_PIN));
    const locked = await errorOf(run(s, TEST_PIN));
    expect(locked).toMatchObject({ code: 'PIN_LOCKED', status: 423 });

    expect(await footprint(s)).toEqual(before);
  });

  it('refuses before a PIN is set (PIN_NOT_SET), changing nothing', async () => {
    const s = await scene({ withPin: false });
    const before = await footprint(s);
    expect(await errorOf(run(s, TEST_PIN))).toEqual({ code: 'PIN_NOT_SET', status: 409 });
    expect(await footprint(s)).toEqual(before);
  });
});

describe('the right PIN', () => {
  it('lets each action that needs no bank through', async () => {
    const s = await scene();
    // No webhook URL: paying then enqueues no notification (the job queue here throws).
    await db.merchant.update({ where: { id: s.merchant.id }, data: { webhookUrl: null } });
    const pay = await payOrderFromBalance(deps, {
      userId: s.customer.id,
      orderId: s.order.id,
      idempotencyKey: randomUUID(),
      pin: TEST_PIN,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe('PAID');
    await transferToUser(deps, {
      userId: s.customer.id,
      recipientEmail: s.payee.email,
      amount: 1_000n,
      memo: null,
      idempotencyKey: randomUUID(),
      pin: TEST_PIN,
    });
    expect((await getBalance(db, userWalletCode(s.payee.id), DEFAULT_CURRENCY)).posted).toBe(1_000n);
    const actor = { merchantId: s.merchant.id, userId: s.owner.id };
    expect((await createApiKeyWithPin(db, actor, 'prod', TEST_PIN)).secretKey).toMatch(/^sk_/);
    const secret = await revealWebhookSecretWithPin(db, actor, TEST_PIN);
    expect(await rotateWebhookSecretWithPin(db, actor, TEST_PIN)).not.toBe(secret);
    expect(await changeWebhookUrlWithPin(db, actor, 'https://shop.example/new', TEST_PIN)).toBe(
      'https://shop.example/new',
    );
  });
});

describe('the lock', () => {
  it(`${MAX_WRONG_PINS} wrong PINs lock the PIN for ${PIN_LOCK_HOURS} hours on the database clock; sign-in still works`, async () => {
    const user = await createTestUser(db);
    for (let left = MAX_WRONG_PINS - 1; left >= 1; left--) {
      expect(await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN))).toMatchObject({
        code: 'WRONG_PIN',
        details: { attemptsLeft: left },
      });
    }
    const fifth = await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN));
    expect(fifth.code).toBe('PIN_LOCKED');
    const [clock] = await db.$queryRaw<{ expected: Date }[]>`SELECT now() + interval '3 hours' AS expected`;
    const expected = clock!.expected;
    const until = new Date(String((fifth.details as { until: string }).until));
    expect(Math.abs(until.getTime() - expected.getTime())).toBeLessThan(5_000);
    // Even the right PIN, and the lock does not move.
    expect(await errorOf(verifyPaymentPin(db, user.id, TEST_PIN))).toMatchObject({
      code: 'PIN_LOCKED',
      details: { until: until.toISOString() },
    });
    expect(await pinState(user.id)).toEqual({ failedPinCount: MAX_WRONG_PINS, pinLockedUntil: until });
    // The account is not locked: sign-in works.
    const signIn = await checkSignIn(db, { email: user.email, password: TEST_PASSWORD, ip: '192.0.2.10' });
    expect(signIn.ok).toBe(true);
  });

  it('a lock that has run out starts a new count, and the right PIN works again', async () => {
    const user = await createTestUser(db);
    await db.$executeRaw`UPDATE users SET failed_pin_count = 5, pin_locked_until = now() - interval '1 second' WHERE id = ${user.id}::uuid`;
    expect(await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN))).toMatchObject({
      code: 'WRONG_PIN',
      details: { attemptsLeft: 4 },
    });
    expect(await pinState(user.id)).toEqual({ failedPinCount: 1, pinLockedUntil: null });
    await verifyPaymentPin(db, user.id, TEST_PIN);
    expect(await pinState(user.id)).toEqual({ failedPinCount: 0, pinLockedUntil: null });
  });

  it('a right PIN resets the count', async () => {
    const user = await createTestUser(db);
    for (let i = 0; i < MAX_WRONG_PINS - 1; i++) await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN));
    expect((await pinState(user.id)).failedPinCount).toBe(MAX_WRONG_PINS - 1);
    await verifyPaymentPin(db, user.id, TEST_PIN);
    expect(await pinState(user.id)).toEqual({ failedPinCount: 0, pinLockedUntil: null });
    // Four more wrong ones are four again, not a lock.
    for (let i = 0; i < MAX_WRONG_PINS - 1; i++) await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN));
    expect(await pinState(user.id)).toEqual({ failedPinCount: MAX_WRONG_PINS - 1, pinLockedUntil: null });
  });

  it('concurrent wrong guesses count exactly: four at once leave one attempt, eight at once lock with exactly four answered WRONG_PIN', async () => {
    const a = await createTestUser(db);
    const four = await Promise.all(
      Array.from({ length: 4 }, () => errorOf(verifyPaymentPin(db, a.id, WRONG_TEST_PIN))),
    );
    expect(four.map((r) => r.code)).toEqual(['WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN']);
    expect(four.map((r) => (r.details as { attemptsLeft: number }).attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
    expect(await pinState(a.id)).toEqual({ failedPinCount: 4, pinLockedUntil: null });

    const b = await createTestUser(db);
    const eight = await Promise.all(
      Array.from({ length: 8 }, () => errorOf(verifyPaymentPin(db, b.id, WRONG_TEST_PIN))),
    );
    const wrong = eight.filter((r) => r.code === 'WRONG_PIN');
    expect(wrong.map((r) => (r.details as { attemptsLeft: number }).attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
    expect(eight.filter((r) => r.code === 'PIN_LOCKED')).toHaveLength(4);
    const state = await pinState(b.id);
    expect(state.failedPinCount).toBe(MAX_WRONG_PINS);
    expect(state.pinLockedUntil).not.toBeNull();
  });
});

describe('setting a PIN', () => {
  it('refuses trivial PINs and a second entry that differs, then sets it once as a keyed hash', async () => {
    const user = await createTestUser(db, '新用户', { withPin: false });
    expect(await errorOf(setPaymentPin(db, user.id, { pin: '111111', pinConfirm: '111111' }))).toEqual({
      code: 'PIN_NOT_ALLOWED',
      status: 422,
      details: { problem: 'REPEATED' },
    });
    expect(await errorOf(setPaymentPin(db, user.id, { pin: '123456', pinConfirm: '123456' }))).toEqual({
      code: 'PIN_NOT_ALLOWED',
      status: 422,
      details: { problem: 'SEQUENCE' },
    });
    expect(await errorOf(setPaymentPin(db, user.id, { pin: '654321', pinConfirm: '654321' }))).toMatchObject({
      code: 'PIN_NOT_ALLOWED',
    });
    expect(await errorOf(setPaymentPin(db, user.id, { pin: '12a456', pinConfirm: '12a456' }))).toMatchObject({
      code: 'PIN_NOT_ALLOWED',
      details: { problem: 'FORMAT' },
    });
    expect(await errorOf(setPaymentPin(db, user.id, { pin: '135790', pinConfirm: '135791' }))).toEqual({
      code: 'PIN_MISMATCH',
      status: 422,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).pinHash).toBeNull();

    await setPaymentPin(db, user.id, { pin: '135790', pinConfirm: '135790' });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.pinSalt).toHaveLength(16);
    expect(Buffer.from(row.pinHash!).equals(hashPin('135790', row.pinSalt!))).toBe(true);
    expect(Buffer.from(row.pinHash!).toString('utf8')).not.toContain('135790');
    await verifyPaymentPin(db, user.id, '135790');

    expect(await errorOf(setPaymentPin(db, user.id, { pin: '246813', pinConfirm: '246813' }))).toEqual({
      code: 'PIN_ALREADY_SET',
      status: 409,
    });
    await verifyPaymentPin(db, user.id, '135790');
  });

  it('two users with the same PIN have different hashes (per-user salt)', async () => {
    const a = await createTestUser(db);
    const b = await createTestUser(db);
    const [ra, rb] = await Promise.all([a, b].map((u) => db.user.findUniqueOrThrow({ where: { id: u.id } })));
    expect(Buffer.from(ra!.pinHash!).equals(Buffer.from(rb!.pinHash!))).toBe(false);
  });
});

describe('resetting a forgotten PIN', () => {
  it('needs the login password, then the emailed code; the new PIN replaces the old one and clears the lock; the code works once', async () => {
    const user = await createTestUser(db, '忘记了');
    for (let i = 0; i < MAX_WRONG_PINS; i++) await errorOf(verifyPaymentPin(db, user.id, WRONG_TEST_PIN));
    expect((await errorOf(verifyPaymentPin(db, user.id, TEST_PIN))).code).toBe('PIN_LOCKED');

    expect(
      await errorOf(startPinReset(db, { userId: user.id, password: 'not the password', locale: 'zh-CN' })),
    ).toEqual({ code: 'WRONG_PASSWORD', status: 422 });
    expect(await caughtMailTo(db, user.email)).toHaveLength(0);
    expect(await db.pinResetCode.count({ where: { userId: user.id } })).toBe(0);

    const started = await startPinReset(db, { userId: user.id, password: TEST_PASSWORD, locale: 'zh-CN' });
    expect(started.sentTo).toMatch(/^t\*\*\*@example\.com$/);
    const [mail] = await caughtMailTo(db, user.email);
    expect(mail!.subject).toBe('重置支付密码的验证码');
    const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;
    const wrongCode = code === '000000' ? '000001' : '000000';

    // A trivial new PIN is refused before the code is tried (no attempt used).
    expect(
      await errorOf(finishPinReset(db, { userId: user.id, code, pin: '123456', pinConfirm: '123456' })),
    ).toMatchObject({ code: 'PIN_NOT_ALLOWED' });
    expect(
      await errorOf(finishPinReset(db, { userId: user.id, code: wrongCode, pin: '802461', pinConfirm: '802461' })),
    ).toEqual({
      code: 'PIN_RESET_CODE_WRONG',
      status: 422,
      details: { attemptsLeft: PIN_RESET_CODE_ATTEMPTS - 1 },
    });
    expect((await errorOf(verifyPaymentPin(db, user.id, TEST_PIN))).code).toBe('PIN_LOCKED');

    await finishPinReset(db, { userId: user.id, code, pin: '802461', pinConfirm: '802461' });
    expect(await pinState(user.id)).toEqual({ failedPinCount: 0, pinLockedUntil: null });
    await verifyPaymentPin(db, user.id, '802461');
    expect((await errorOf(verifyPaymentPin(db, user.id, TEST_PIN))).code).toBe('WRONG_PIN');
    expect(await errorOf(finishPinReset(db, { userId: user.id, code, pin: '913572', pinConfirm: '913572' }))).toEqual({
      code: 'PIN_RESET_CODE_EXPIRED',
      status: 422,
    });
  });

  it(`a code is burnt after ${PIN_RESET_CODE_ATTEMPTS} wrong tries, counted exactly when they come at once; an English user gets English mail`, async () => {
    const user = await createTestUser(db, 'Alice');
    await startPinReset(db, { userId: user.id, password: TEST_PASSWORD, locale: 'en' });
    const [mail] = await caughtMailTo(db, user.email);
    expect(mail!.subject).toBe('Your code to reset your payment PIN');
    const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;
    const wrongCode = code === '000000' ? '000001' : '000000';
    const tries = await Promise.all(
      Array.from({ length: 8 }, () =>
        errorOf(finishPinReset(db, { userId: user.id, code: wrongCode, pin: '802461', pinConfirm: '802461' })),
      ),
    );
    expect(tries.filter((r) => r.code === 'PIN_RESET_CODE_WRONG')).toHaveLength(PIN_RESET_CODE_ATTEMPTS - 1);
    expect(tries.filter((r) => r.code === 'PIN_RESET_CODE_EXPIRED')).toHaveLength(8 - (PIN_RESET_CODE_ATTEMPTS - 1));
    // The right code no longer works: ask for a new one.
    expect(
      (await errorOf(finishPinReset(db, { userId: user.id, code, pin: '802461', pinConfirm: '802461' }))).code,
    ).toBe('PIN_RESET_CODE_EXPIRED');
    await verifyPaymentPin(db, user.id, TEST_PIN);
  });
});
