// The authenticator code on withdrawals and merchant payouts, against real PostgreSQL and the
// sandbox bank over HTTP: a user who turned the authenticator on is refused without a code,
// with a wrong one and with a used one, and nothing is written then (no operation, no hold,
// no PIN attempt, the code not spent); a valid code or an unused recovery code goes through,
// once; two requests with one code cannot both pass; users without an authenticator are not
// asked.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { fundWallet } from '../../admin/testing/admin-fixtures';
import type { Db } from '../../db';
import { httpStatusForError } from '../../http/error-status';
import { ensureAccount, getBalance } from '../../stored-ledger';
import { newWebhookSecret } from '../../merchants/api-keys';
import { createOrder } from '../../orders/create-order';
import { payOrderFromBalance } from '../../orders/pay-order-from-balance';
import { requestMerchantPayout } from '../../payouts/request-merchant-payout';
import { RATE_LIMITS } from '../../rate-limit/rate-limits';
import { requestWithdrawal } from '../../wallet/operations/request-withdrawal';
import { startBankFlowHarness, type BankFlowHarness } from '../../wallet/testing/bank-flow-harness';
import { linkBankAccountThroughBank } from '../../wallet/testing/link-bank-account-through-bank';
import { createTestUser, TEST_PIN, WRONG_TEST_PIN } from '../../wallet/testing/wallet-fixtures';
import type { AppDeps } from '../../core/deps';
import { currentTotp } from './totp';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from './two-factor';

let harness: BankFlowHarness;
let db: Db;
let pool: BankPool;
let deps: AppDeps;

beforeAll(async () => {
  harness = await startBankFlowHarness('money_out_second_factor');
  ({ db, pool, deps } = harness);
});
afterAll(() => harness?.close());

/** Turns the authenticator on with the step before now, leaving this step's code and the next free. */
async function enrol(userId: string) {
  const { secret } = await startTwoFactorEnrolment(db, userId);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(db, userId, currentTotp(secret, Date.now() - 30_000));
  return { secret, recoveryCodes };
}

/** A customer with ¥1,000 in the wallet and a card linked through the bank. */
async function customer(options: { twoFactor: boolean }) {
  const user = await createTestUser(db, '提现人');
  await fundWallet(db, user.id, 100_000n);
  const accountNumber = await openSandboxAccount(pool, { holderName: '提现人', openingBalance: 0n });
  const card = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  const factor = options.twoFactor ? await enrol(user.id) : null;
  return { id: user.id, bankAccountId: card.id, factor };
}

/** An approved merchant with ¥1,000 of paid orders (less its fee) and a settlement card. */
async function merchant(options: { twoFactor: boolean }) {
  const owner = await createTestUser(db, '商户');
  await db.user.update({ where: { id: owner.id }, data: { role: 'MERCHANT' } });
  const accountNumber = await openSandboxAccount(pool, { holderName: '商户', openingBalance: 0n });
  const card = await linkBankAccountThroughBank(deps, pool, owner.id, accountNumber);
  const row = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: '两步小店',
      status: 'APPROVED',
      settlementBankAccountId: card.id,
      webhookSecret: newWebhookSecret(),
    },
  });
  await ensureAccount(db, merchantBalanceCode(row.id), DEFAULT_CURRENCY);
  const payer = await createTestUser(db, '付款人');
  await fundWallet(db, payer.id, 100_000n);
  const order = await createOrder(db, {
    merchantId: row.id,
    merchantOrderNo: `TF-${randomUUID()}`,
    amount: 100_000n,
    currency: DEFAULT_CURRENCY,
    subject: '测试商品',
    notifyUrl: null,
    returnUrl: null,
    expiresInSeconds: 1_800,
  });
  await payOrderFromBalance(deps, { userId: payer.id, orderId: order.id, pin: TEST_PIN, idempotencyKey: randomUUID() });
  const factor = options.twoFactor ? await enrol(owner.id) : null;
  return { id: owner.id, merchantId: row.id, factor };
}

type Attempt = { pin?: string; twoFactorCode?: string | null };

const withdraw = (c: Awaited<ReturnType<typeof customer>>, attempt: Attempt = {}) =>
  requestWithdrawal(deps, {
    userId: c.id,
    amount: 1_000n,
    bankAccountId: c.bankAccountId,
    pin: attempt.pin ?? TEST_PIN,
    twoFactorCode: attempt.twoFactorCode,
    idempotencyKey: randomUUID(),
  });

const payout = (m: Awaited<ReturnType<typeof merchant>>, attempt: Attempt = {}) =>
  requestMerchantPayout(deps, {
    merchantId: m.merchantId,
    userId: m.id,
    amount: 1_000n,
    pin: attempt.pin ?? TEST_PIN,
    twoFactorCode: attempt.twoFactorCode,
    idempotencyKey: randomUUID(),
  });

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; field?: string };
    return { code: e.code, status: httpStatusForError(error), ...(e.field ? { field: e.field } : {}) };
  }
  throw new Error('expected a refusal');
}

/** Everything a refused withdrawal or payout could have changed. */
async function footprint(userId: string, balanceCode: string) {
  const [operations, balance, user, totp, recovery] = await Promise.all([
    db.walletOperation.count({ where: { userId } }),
    getBalance(db, balanceCode, DEFAULT_CURRENCY),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { failedPinCount: true, pinLockedUntil: true } }),
    db.userTotp.findUniqueOrThrow({ where: { userId }, select: { lastUsedStep: true } }),
    db.totpRecoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { operations, balance, user, totp, recovery };
}

const wrongCode = (secret: string) => currentTotp(secret, Date.now() - 10 * 60_000);

describe('withdrawing with the authenticator on', () => {
  it('refuses a missing code before the PIN is looked at: no PIN attempt spent, nothing written', async () => {
    const c = await customer({ twoFactor: true });
    const before = await footprint(c.id, userWalletCode(c.id));
    for (const missing of [undefined, null, '', '   ']) {
      expect(await refusal(withdraw(c, { twoFactorCode: missing }))).toEqual({
        code: 'TWO_FACTOR_CODE_REQUIRED',
        status: 422,
        field: 'twoFactorCode',
      });
    }
    // Even a wrong PIN is not counted when the code is missing.
    expect(await refusal(withdraw(c, { pin: WRONG_TEST_PIN }))).toMatchObject({ code: 'TWO_FACTOR_CODE_REQUIRED' });
    expect(await footprint(c.id, userWalletCode(c.id))).toEqual(before);
  });

  it('refuses a wrong code (422, the field named) and writes nothing; the right code still works after', async () => {
    const c = await customer({ twoFactor: true });
    const before = await footprint(c.id, userWalletCode(c.id));
    for (const wrong of [wrongCode(c.factor!.secret), '12345', 'not-a-code', 'ABCDE-FGHJK']) {
      expect(await refusal(withdraw(c, { twoFactorCode: wrong }))).toEqual({
        code: 'WRONG_TWO_FACTOR_CODE',
        status: 422,
        field: 'twoFactorCode',
      });
    }
    expect(await footprint(c.id, userWalletCode(c.id))).toEqual(before);
    await expect(withdraw(c, { twoFactorCode: currentTotp(c.factor!.secret) })).resolves.toMatchObject({
      operationId: expect.any(String),
    });
  });

  it('a wrong PIN with a valid code is a wrong PIN, and does not use up the code', async () => {
    const c = await customer({ twoFactor: true });
    const code = currentTotp(c.factor!.secret);
    expect(await refusal(withdraw(c, { pin: WRONG_TEST_PIN, twoFactorCode: code }))).toMatchObject({
      code: 'WRONG_PIN',
    });
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(0);
    await expect(withdraw(c, { twoFactorCode: code })).resolves.toMatchObject({ operationId: expect.any(String) });
  });

  it('takes a valid code once: the operation and its hold are written, the same code again is refused', async () => {
    const c = await customer({ twoFactor: true });
    const code = currentTotp(c.factor!.secret);
    const { operationId } = await withdraw(c, { twoFactorCode: code });
    const op = await db.walletOperation.findUniqueOrThrow({ where: { id: operationId } });
    // Its hold was placed (the bank may then refuse: the platform's bank account holds no money here).
    expect(op).toMatchObject({ kind: 'WITHDRAWAL', amount: 1_000n, holdId: expect.any(String) });
    const after = await footprint(c.id, userWalletCode(c.id));
    expect(after.operations).toBe(1);

    expect(await refusal(withdraw(c, { twoFactorCode: code }))).toMatchObject({ code: 'WRONG_TWO_FACTOR_CODE' });
    expect(await footprint(c.id, userWalletCode(c.id))).toEqual(after);
  });

  it('takes a recovery code once', async () => {
    const c = await customer({ twoFactor: true });
    const recovery = c.factor!.recoveryCodes[0]!;
    await expect(withdraw(c, { twoFactorCode: recovery.toLowerCase() })).resolves.toMatchObject({
      operationId: expect.any(String),
    });
    expect(await refusal(withdraw(c, { twoFactorCode: recovery }))).toMatchObject({ code: 'WRONG_TWO_FACTOR_CODE' });
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(1);
  });

  it('lets one of two concurrent withdrawals with the same code through', async () => {
    const c = await customer({ twoFactor: true });
    const code = currentTotp(c.factor!.secret);
    const results = await Promise.allSettled([
      withdraw(c, { twoFactorCode: code }),
      withdraw(c, { twoFactorCode: code }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'WRONG_TWO_FACTOR_CODE' });
    expect(await db.walletOperation.count({ where: { userId: c.id } })).toBe(1);
  });

  it(`checks ${RATE_LIMITS.moneyOutCodeChecksPerUser.points} codes an hour: then 429 before the PIN, even for the right code`, async () => {
    const c = await customer({ twoFactor: true });
    for (let i = 0; i < RATE_LIMITS.moneyOutCodeChecksPerUser.points; i++) {
      await refusal(withdraw(c, { twoFactorCode: wrongCode(c.factor!.secret) }));
    }
    const before = await footprint(c.id, userWalletCode(c.id));
    expect(await refusal(withdraw(c, { twoFactorCode: currentTotp(c.factor!.secret) }))).toEqual({
      code: 'RATE_LIMITED',
      status: 429,
      field: 'twoFactorCode',
    });
    expect(await refusal(withdraw(c, { pin: WRONG_TEST_PIN, twoFactorCode: '000000' }))).toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(await footprint(c.id, userWalletCode(c.id))).toEqual(before);
  });
});

describe('a merchant payout with the authenticator on', () => {
  it('refuses a missing, wrong or used code writing nothing, and pays out with a valid one', async () => {
    const m = await merchant({ twoFactor: true });
    const balance = merchantBalanceCode(m.merchantId);
    const before = await footprint(m.id, balance);

    expect(await refusal(payout(m, { pin: WRONG_TEST_PIN }))).toEqual({
      code: 'TWO_FACTOR_CODE_REQUIRED',
      status: 422,
      field: 'twoFactorCode',
    });
    expect(await refusal(payout(m, { twoFactorCode: wrongCode(m.factor!.secret) }))).toEqual({
      code: 'WRONG_TWO_FACTOR_CODE',
      status: 422,
      field: 'twoFactorCode',
    });
    expect(await footprint(m.id, balance)).toEqual(before);

    const code = currentTotp(m.factor!.secret);
    const { operationId } = await payout(m, { twoFactorCode: code });
    expect(await db.walletOperation.findUniqueOrThrow({ where: { id: operationId } })).toMatchObject({
      kind: 'PAYOUT',
      merchantId: m.merchantId,
      holdId: expect.any(String),
    });
    const after = await footprint(m.id, balance);
    expect(after.operations).toBe(before.operations + 1);
    expect(after.totp.lastUsedStep).not.toEqual(before.totp.lastUsedStep);

    expect(await refusal(payout(m, { twoFactorCode: code }))).toMatchObject({ code: 'WRONG_TWO_FACTOR_CODE' });
    expect(await footprint(m.id, balance)).toEqual(after);
  });
});

describe('users without an authenticator', () => {
  it('withdraw and pay out with the PIN alone; a code sent anyway is ignored', async () => {
    const c = await customer({ twoFactor: false });
    await expect(withdraw(c)).resolves.toMatchObject({ operationId: expect.any(String) });
    await expect(withdraw(c, { twoFactorCode: '123456' })).resolves.toMatchObject({ operationId: expect.any(String) });
    const m = await merchant({ twoFactor: false });
    await expect(payout(m)).resolves.toMatchObject({ operationId: expect.any(String) });
  });
});
