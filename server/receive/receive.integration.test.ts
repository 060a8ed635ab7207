// Receive codes and payment requests against a real PostgreSQL: a code pays its owner until it
// is reset; a payment request settles exactly once however many payers race for it (the
// conditional UPDATE in the transfer's transaction), and an expired, cancelled or paid one
// moves nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import { httpStatusForError } from '../http/error-status';
import { getBalance } from '../stored-ledger';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { fundWallet, newKey, walletDepsWithoutBank } from '../admin/testing/admin-fixtures';
import { createTestUser, TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { cancelPaymentRequest } from './payment-requests/cancel-payment-request';
import { createPaymentRequest } from './payment-requests/create-payment-request';
import { payPaymentRequest } from './payment-requests/pay-payment-request';
import { findPaymentRequestByToken, listMyPaymentRequests } from './payment-requests/payment-request-view';
import { payReceiveCode } from './pay-receive-code';
import { activeReceiveCode, findReceiveCodeOwnerOrThrow, resetReceiveCode } from './receive-codes';

const db = testDb(12);
const deps = walletDepsWithoutBank(db);
afterAll(async () => {
  await expectLedgerInvariants(db);
  await db.$disconnect();
});

const balance = async (userId: string) => (await getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY)).available;

async function errorOf(
  call: Promise<unknown>,
): Promise<{ code: string; status: number; field?: string; state?: unknown }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: unknown; field?: string; details?: { state?: unknown } };
    return {
      code: String(e.code),
      status: httpStatusForError(error),
      ...(e.field ? { field: e.field } : {}),
      ...(e.details?.state ? { state: e.details.state } : {}),
    };
  }
  return { code: 'ACCEPTED', status: 200 };
}

async function footprint(userIds: string[]) {
  const [operations, notifications, balances] = await Promise.all([
    db.walletOperation.count({ where: { userId: { in: userIds } } }),
    db.notification.count({ where: { userId: { in: userIds } } }),
    Promise.all(userIds.map(balance)),
  ]);
  return { operations, notifications, balances };
}

describe('receive codes', () => {
  it('one stable code per user, the same under concurrent first views, unguessable from the user id', async () => {
    const zhang = await createTestUser(db, '张三');
    const codes = await Promise.all(Array.from({ length: 6 }, () => activeReceiveCode(db, zhang.id)));
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(codes[0]).not.toContain(zhang.id.replace(/-/g, '').slice(0, 8));
    expect(await activeReceiveCode(db, zhang.id)).toBe(codes[0]);
    expect(await db.receiveCode.count({ where: { userId: zhang.id } })).toBe(1);
  });

  it('pays its owner through the transfer: balances, memo and both sides notified', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 10_000n);
    const code = await activeReceiveCode(db, zhang.id);
    const { operationId } = await payReceiveCode(deps, {
      userId: li.id,
      code,
      amount: 888n,
      memo: '午饭',
      idempotencyKey: newKey(),
      pin: TEST_PIN,
    });
    const operation = await db.walletOperation.findUniqueOrThrow({ where: { id: operationId } });
    expect(operation).toMatchObject({ kind: 'TRANSFER', status: 'SUCCEEDED', amount: 888n, memo: '午饭' });
    expect(operation.counterpartyUserId).toBe(zhang.id);
    expect(await balance(li.id)).toBe(9_112n);
    expect(await balance(zhang.id)).toBe(888n);
    const notes = await db.notification.findMany({ where: { operationId }, select: { userId: true, kind: true } });
    expect(notes).toEqual(
      expect.arrayContaining([
        { userId: zhang.id, kind: 'TRANSFER_RECEIVED' },
        { userId: li.id, kind: 'TRANSFER_SENT' },
      ]),
    );
  });

  it('a reset code pays nobody (RECEIVE_CODE_REVOKED); an unknown one is RECEIVE_CODE_NOT_FOUND; your own is SELF_TRANSFER', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 10_000n);
    const old = await activeReceiveCode(db, zhang.id);
    const fresh = await resetReceiveCode(db, zhang.id);
    expect(fresh).not.toBe(old);
    expect(await activeReceiveCode(db, zhang.id)).toBe(fresh);

    const before = await footprint([zhang.id, li.id]);
    const pay = (code: string, userId = li.id) =>
      payReceiveCode(deps, { userId, code, amount: 100n, memo: null, idempotencyKey: newKey(), pin: TEST_PIN });
    expect(await errorOf(pay(old))).toEqual({ code: 'RECEIVE_CODE_REVOKED', status: 410, field: 'code' });
    expect(await errorOf(pay('AAAAAAAAAAAAAAAAAAAAAA'))).toEqual({
      code: 'RECEIVE_CODE_NOT_FOUND',
      status: 404,
      field: 'code',
    });
    expect(await errorOf(pay("x' OR 1=1 --"))).toMatchObject({ code: 'RECEIVE_CODE_NOT_FOUND', status: 404 });
    expect(await errorOf(pay(fresh, zhang.id))).toMatchObject({ code: 'SELF_TRANSFER', status: 422 });
    expect(await footprint([zhang.id, li.id])).toEqual(before);

    await pay(fresh);
    expect(await balance(zhang.id)).toBe(100n);
    expect(await findReceiveCodeOwnerOrThrow(db, fresh)).toEqual({ userId: zhang.id, displayName: '张三' });
  });
});

describe('payment requests', () => {
  it('two payers at once: exactly one transfer; the other is told it is already paid and nothing of theirs moves', async () => {
    const zhang = await createTestUser(db, '张三');
    const payers = await Promise.all([createTestUser(db, '李四'), createTestUser(db, '王五')]);
    for (const payer of payers) await fundWallet(db, payer.id, 5_000n);
    const { token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 1_234n,
      memo: 'AA 聚餐',
      expiresInMinutes: 60,
    });

    for (let round = 0; round < 3; round++) {
      const request = await createPaymentRequest(db, {
        userId: zhang.id,
        amount: 100n,
        memo: null,
        expiresInMinutes: 15,
      });
      const results = await Promise.all(
        payers.map((payer) =>
          errorOf(
            payPaymentRequest(deps, {
              userId: payer.id,
              token: request.token,
              idempotencyKey: newKey(),
              pin: TEST_PIN,
            }),
          ),
        ),
      );
      expect(results.filter((r) => r.code === 'ACCEPTED')).toHaveLength(1);
      expect(results.filter((r) => r.code !== 'ACCEPTED')).toEqual([
        { code: 'PAYMENT_REQUEST_NOT_PAYABLE', status: 409, state: 'PAID' },
      ]);
    }
    expect(await balance(zhang.id)).toBe(300n);
    expect((await balance(payers[0]!.id)) + (await balance(payers[1]!.id))).toBe(9_700n);

    const results = await Promise.all(
      [payers[0]!, payers[1]!, payers[0]!, payers[1]!].map((payer) =>
        errorOf(payPaymentRequest(deps, { userId: payer.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
      ),
    );
    expect(results.filter((r) => r.code === 'ACCEPTED')).toHaveLength(1);
    const view = await findPaymentRequestByToken(db, token);
    expect(view).toMatchObject({ state: 'PAID', amount: 1_234n, memo: 'AA 聚餐' });
    const transfers = await db.walletOperation.findMany({
      where: { counterpartyUserId: zhang.id, amount: 1_234n, status: 'SUCCEEDED' },
    });
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ id: view!.operationId, userId: view!.payerId, memo: 'AA 聚餐' });
    expect(await balance(zhang.id)).toBe(1_534n);
    // No failed or pending operation was left behind by the losers: they rolled back whole.
    expect(
      await db.walletOperation.count({
        where: { userId: { in: payers.map((p) => p.id) }, status: { not: 'SUCCEEDED' } },
      }),
    ).toBe(0);
  });

  it('the same payer double-clicking (one key) gets the one operation back', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 5_000n);
    const { token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 500n,
      memo: null,
      expiresInMinutes: 15,
    });
    const input = { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN };
    const [a, b] = await Promise.all([payPaymentRequest(deps, input), payPaymentRequest(deps, input)]);
    expect(a.operationId).toBe(b.operationId);
    expect(await balance(li.id)).toBe(4_500n);
  });

  it('an expired request moves nothing and reads 已过期 (the database clock decides)', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 5_000n);
    const { id, token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 500n,
      memo: null,
      expiresInMinutes: 5,
    });
    expect((await findPaymentRequestByToken(db, token))!.state).toBe('OPEN');
    await db.$executeRaw`UPDATE payment_requests SET expires_at = now() - interval '1 second' WHERE id = ${id}::uuid`;
    const before = await footprint([zhang.id, li.id]);
    expect(
      await errorOf(payPaymentRequest(deps, { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
    ).toEqual({ code: 'PAYMENT_REQUEST_NOT_PAYABLE', status: 409, state: 'EXPIRED' });
    expect(await footprint([zhang.id, li.id])).toEqual(before);
    expect((await listMyPaymentRequests(db, zhang.id)).map((r) => r.state)).toEqual(['EXPIRED']);
    expect(await errorOf(cancelPaymentRequest(db, zhang.id, id))).toMatchObject({
      code: 'PAYMENT_REQUEST_NOT_CANCELLABLE',
      state: 'EXPIRED',
    });
  });

  it('expiring between the page and the payment: the UPDATE refuses it inside the transaction', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 5_000n);
    const { id, token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 500n,
      memo: null,
      expiresInMinutes: 5,
    });
    // Expire it while the payer's PIN is being checked (after the early read, before the UPDATE).
    const payment = payPaymentRequest(deps, { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN });
    await db.$executeRaw`UPDATE payment_requests SET expires_at = now() - interval '1 second' WHERE id = ${id}::uuid`;
    const outcome = await errorOf(payment);
    // Whichever came first, the request and the money agree.
    const view = await findPaymentRequestByToken(db, token);
    if (outcome.code === 'ACCEPTED') {
      expect(view!.state).toBe('PAID');
      expect(await balance(zhang.id)).toBe(500n);
    } else {
      expect(outcome).toEqual({ code: 'PAYMENT_REQUEST_NOT_PAYABLE', status: 409, state: 'EXPIRED' });
      expect(view!.state).toBe('EXPIRED');
      expect(await balance(zhang.id)).toBe(0n);
      expect(await balance(li.id)).toBe(5_000n);
    }
  });

  it('cancel: only the requester, only while open; a cancelled request cannot be paid', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 5_000n);
    const { id, token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 700n,
      memo: '书',
      expiresInMinutes: 1440,
    });
    expect(await errorOf(cancelPaymentRequest(db, li.id, id))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await cancelPaymentRequest(db, zhang.id, id);
    expect(await errorOf(cancelPaymentRequest(db, zhang.id, id))).toMatchObject({
      code: 'PAYMENT_REQUEST_NOT_CANCELLABLE',
      status: 409,
      state: 'CANCELLED',
    });
    const before = await footprint([zhang.id, li.id]);
    expect(
      await errorOf(payPaymentRequest(deps, { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
    ).toEqual({ code: 'PAYMENT_REQUEST_NOT_PAYABLE', status: 409, state: 'CANCELLED' });
    expect(await footprint([zhang.id, li.id])).toEqual(before);
  });

  it('cancel racing a payment: exactly one of them wins', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    await fundWallet(db, li.id, 5_000n);
    for (let round = 0; round < 4; round++) {
      const { id, token } = await createPaymentRequest(db, {
        userId: zhang.id,
        amount: 10n,
        memo: null,
        expiresInMinutes: 15,
      });
      const [paid, cancelled] = await Promise.all([
        errorOf(payPaymentRequest(deps, { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
        errorOf(cancelPaymentRequest(db, zhang.id, id)),
      ]);
      const state = (await findPaymentRequestByToken(db, token))!.state;
      if (state === 'PAID') {
        expect([paid.code, cancelled.code]).toEqual(['ACCEPTED', 'PAYMENT_REQUEST_NOT_CANCELLABLE']);
      } else {
        expect(state).toBe('CANCELLED');
        expect([paid.code, cancelled.code]).toEqual(['PAYMENT_REQUEST_NOT_PAYABLE', 'ACCEPTED']);
      }
    }
    const paidCount = await db.paymentRequest.count({ where: { requesterId: zhang.id, status: 'PAID' } });
    expect(await balance(zhang.id)).toBe(BigInt(paidCount) * 10n);
  });

  it('bad input is refused naming the field, and nothing is written', async () => {
    const zhang = await createTestUser(db, '张三');
    const li = await createTestUser(db, '李四');
    const create = (amount: bigint, expiresInMinutes: number) =>
      errorOf(createPaymentRequest(db, { userId: zhang.id, amount, memo: null, expiresInMinutes }));
    expect(await create(100n, 4)).toEqual({ code: 'INVALID_INPUT', status: 422, field: 'expiresInMinutes' });
    expect(await create(100n, 7 * 24 * 60 + 1)).toMatchObject({ code: 'INVALID_INPUT', field: 'expiresInMinutes' });
    expect(await create(100n, 1.5)).toMatchObject({ code: 'INVALID_INPUT', field: 'expiresInMinutes' });
    expect(await create(100_000_000n, 60)).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 422, field: 'amount' });
    expect(await db.paymentRequest.count({ where: { requesterId: zhang.id } })).toBe(0);
    expect(
      await errorOf(payPaymentRequest(deps, { userId: li.id, token: 'nope', idempotencyKey: newKey(), pin: TEST_PIN })),
    ).toMatchObject({ code: 'NOT_FOUND', status: 404, field: 'token' });
    const { token } = await createPaymentRequest(db, {
      userId: zhang.id,
      amount: 100n,
      memo: null,
      expiresInMinutes: 15,
    });
    expect(
      await errorOf(payPaymentRequest(deps, { userId: zhang.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
    ).toMatchObject({ code: 'SELF_TRANSFER', status: 422 });
    // Not enough balance: the claim rolls back with the transfer, and the request stays open.
    expect(
      await errorOf(payPaymentRequest(deps, { userId: li.id, token, idempotencyKey: newKey(), pin: TEST_PIN })),
    ).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect((await findPaymentRequestByToken(db, token))!.state).toBe('OPEN');
  });
});
