// The debit a customer authorises, end to end over HTTP: request, code, money, notice.
import { describe, expect, it } from 'vitest';
import { verifyPayloadSignature } from '../lib/signing/hmac-signature';
import { authoriseDebit, cancelDebit } from './requests/authorise-debit';
import { deliverDueNotices, deliverNoticeOfRequest } from './notices/deliver-notices';
import { expireOverdueDebits } from './requests/process-due-requests';
import { DEV_NOTICE_SECRET } from './env';
import { RESERVE_ACCOUNT_NUMBER } from './seed-accounts';
import {
  readDebitCode,
  TEST_TIMEOUT_FAULT_MS,
  uniqueReference,
  setUpBankTestContext,
} from './testing/bank-test-context';

const ctx = setUpBankTestContext();

function debitBody(accountNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    reference: uniqueReference('debit'),
    account_number: accountNumber,
    amount: 5_000,
    currency: 'CNY',
    payee: '钱包充值',
    description: '充值 ¥50.00',
    return_url: 'http://localhost:3000/top-up/result?from=bank',
    notify_url: ctx.receiver.url,
    ...overrides,
  };
}

async function createDebit(accountNumber: string, overrides: Record<string, unknown> = {}) {
  const body = debitBody(accountNumber, overrides);
  const res = await ctx.api.post('/debits', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    body,
    answer: res.body as { reference: string; bank_reference: string; status: string; authorize_url: string },
  };
}

async function requestRow(reference: string) {
  const { rows } = await ctx.pool.query('SELECT * FROM sandbox_bank.requests WHERE reference = $1', [reference]);
  return rows[0];
}

async function noticesOf(reference: string) {
  const { rows } = await ctx.pool.query(
    `SELECT n.* FROM sandbox_bank.notices n JOIN sandbox_bank.requests r ON r.id = n.request_id WHERE r.reference = $1`,
    [reference],
  );
  return rows;
}

describe('a debit the customer authorises', () => {
  it('moves the money to the reserve with the right code, books a movement and sends a signed notice', async () => {
    const account = await ctx.openAccount('张测试', 100_000n);
    const reserveBefore = await ctx.reserveBalance();
    const { body, answer } = await createDebit(account);
    expect(answer).toEqual({
      reference: body.reference,
      bank_reference: expect.stringMatching(/^SB\d{8}/),
      status: 'AWAITING_AUTHORISATION',
      authorize_url: expect.stringMatching(
        new RegExp(`^http://127\\.0\\.0\\.1:\\d+/sandbox-bank/authorize/${answer.bank_reference}$`),
      ),
    });
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'AWAITING_AUTHORISATION',
      kind: 'DEBIT',
      amount: 5000,
    });

    const code = await readDebitCode(ctx.pool, answer.bank_reference);
    const result = await authoriseDebit(ctx.pool, answer.bank_reference, code);
    expect(result).toMatchObject({ outcome: 'FINISHED', status: 'SUCCEEDED', failureReason: null });
    if (!('requestId' in result)) throw new Error('unreachable');
    expect(result.redirectUrl).toBe(
      `http://localhost:3000/top-up/result?from=bank&reference=${body.reference}&status=SUCCEEDED`,
    );

    expect(await ctx.balanceOf(account)).toBe(95_000n);
    expect(await ctx.reserveBalance()).toBe(reserveBefore + 5_000n);
    const { rows: movements } = await ctx.pool.query('SELECT * FROM sandbox_bank.movements WHERE bank_reference = $1', [
      answer.bank_reference,
    ]);
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({
      kind: 'DEBIT',
      from_account: account,
      to_account: RESERVE_ACCOUNT_NUMBER,
      amount: 5_000n,
      from_balance_after: 95_000n,
      to_balance_after: reserveBefore + 5_000n,
    });

    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(1);
    const [notice] = await ctx.receiver.waitFor(1);
    expect(notice!.json).toEqual({
      id: expect.any(String),
      type: 'debit.succeeded',
      reference: body.reference,
      bank_reference: answer.bank_reference,
      amount: 5000,
      currency: 'CNY',
      status: 'SUCCEEDED',
      failure_reason: null,
      occurred_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    expect(verifyPayloadSignature(notice!.body, notice!.signature, DEV_NOTICE_SECRET)).toMatchObject({ ok: true });
    expect(
      verifyPayloadSignature(notice!.body, notice!.signature, 'another-secret-0123456789-0123456789'),
    ).toMatchObject({ ok: false });
    const [row] = await noticesOf(body.reference);
    expect(row).toMatchObject({ state: 'DELIVERED', attempts: 1, delivered_copies: 1 });
    const { rows: attempts } = await ctx.pool.query(
      'SELECT http_status FROM sandbox_bank.notice_attempts WHERE notice_id = $1',
      [row.id],
    );
    expect(attempts).toEqual([{ http_status: 200 }]);

    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'SUCCEEDED',
      failure_reason: null,
      completed_at: expect.any(String),
    });
    // A second authorisation changes nothing.
    expect(await authoriseDebit(ctx.pool, answer.bank_reference, code)).toMatchObject({
      outcome: 'ALREADY_FINISHED',
      status: 'SUCCEEDED',
    });
    expect(await ctx.balanceOf(account)).toBe(95_000n);
  });

  it('refuses a wrong code without moving money, and fails DECLINED after five', async () => {
    const account = await ctx.openAccount();
    const { body, answer } = await createDebit(account);
    const code = await readDebitCode(ctx.pool, answer.bank_reference);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      expect(await authoriseDebit(ctx.pool, answer.bank_reference, wrong)).toEqual({
        outcome: 'WRONG_CODE',
        attemptsLeft: left,
      });
    }
    expect(await ctx.balanceOf(account)).toBe(100_000n);
    expect(await noticesOf(body.reference)).toHaveLength(0);
    expect(await authoriseDebit(ctx.pool, answer.bank_reference, 'abc')).toMatchObject({
      outcome: 'FINISHED',
      status: 'FAILED',
      failureReason: 'DECLINED',
    });
    // Even the right code is too late now.
    expect(await authoriseDebit(ctx.pool, answer.bank_reference, code)).toMatchObject({
      outcome: 'ALREADY_FINISHED',
      status: 'FAILED',
    });
    expect(await ctx.balanceOf(account)).toBe(100_000n);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'FAILED',
      failure_reason: 'DECLINED',
    });
    expect(await noticesOf(body.reference)).toMatchObject([{ state: 'PENDING' }]);
  });

  it('fails CANCELLED when the customer cancels, and tells the wallet', async () => {
    const account = await ctx.openAccount();
    const { body, answer } = await createDebit(account);
    const result = await cancelDebit(ctx.pool, answer.bank_reference);
    expect(result).toMatchObject({ outcome: 'FINISHED', status: 'FAILED', failureReason: 'CANCELLED' });
    expect(result.redirectUrl).toContain(`reference=${body.reference}&status=FAILED`);
    expect(await ctx.balanceOf(account)).toBe(100_000n);
    await deliverNoticeOfRequest(ctx.pool, result.requestId);
    const notices = await ctx.receiver.waitFor(1);
    expect(notices[0]!.json).toMatchObject({
      type: 'debit.failed',
      status: 'FAILED',
      failure_reason: 'CANCELLED',
      reference: body.reference,
    });
    expect(await cancelDebit(ctx.pool, answer.bank_reference)).toMatchObject({ outcome: 'ALREADY_FINISHED' });
  });

  it('fails INSUFFICIENT_FUNDS when the account holds less than the amount', async () => {
    const account = await ctx.openAccount('穷测试', 4_999n);
    const { body, answer } = await createDebit(account);
    const result = await authoriseDebit(
      ctx.pool,
      answer.bank_reference,
      await readDebitCode(ctx.pool, answer.bank_reference),
    );
    expect(result).toMatchObject({ outcome: 'FINISHED', status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect(await ctx.balanceOf(account)).toBe(4_999n);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'FAILED',
      failure_reason: 'INSUFFICIENT_FUNDS',
    });
  });

  it('expires after its window: the worker fails it EXPIRED', async () => {
    const account = await ctx.openAccount();
    const { body, answer } = await createDebit(account);
    await ctx.pool.query(
      `UPDATE sandbox_bank.requests SET expires_at = now() - interval '1 second' WHERE reference = $1`,
      [body.reference],
    );
    expect(await expireOverdueDebits(ctx.pool)).toBeGreaterThanOrEqual(1);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'FAILED',
      failure_reason: 'EXPIRED',
    });
    expect(
      await authoriseDebit(ctx.pool, answer.bank_reference, await readDebitCode(ctx.pool, answer.bank_reference)),
    ).toMatchObject({
      outcome: 'ALREADY_FINISHED',
      failureReason: 'EXPIRED',
    });
    expect(await ctx.balanceOf(account)).toBe(100_000n);
  });

  it('retries a notice the wallet did not acknowledge', async () => {
    const account = await ctx.openAccount();
    const { body, answer } = await createDebit(account);
    const result = await authoriseDebit(
      ctx.pool,
      answer.bank_reference,
      await readDebitCode(ctx.pool, answer.bank_reference),
    );
    if (!('requestId' in result)) throw new Error('unreachable');
    ctx.receiver.respondWith(503);
    await deliverNoticeOfRequest(ctx.pool, result.requestId);
    const [pending] = await noticesOf(body.reference);
    expect(pending).toMatchObject({ state: 'PENDING', attempts: 1 });
    const wait = pending.next_attempt_at.getTime() - pending.last_attempt_at.getTime();
    expect(wait).toBeGreaterThan(4_000);
    expect(wait).toBeLessThan(6_000);
    // Not due yet: nothing is sent.
    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(0);
    ctx.receiver.respondWith(200);
    await ctx.pool.query(`UPDATE sandbox_bank.notices SET next_attempt_at = now() WHERE id = $1`, [pending.id]);
    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(1);
    const [delivered] = await noticesOf(body.reference);
    expect(delivered).toMatchObject({ state: 'DELIVERED', attempts: 2 });
    const { rows: attempts } = await ctx.pool.query(
      'SELECT http_status FROM sandbox_bank.notice_attempts WHERE notice_id = $1 ORDER BY id',
      [pending.id],
    );
    expect(attempts.map((a) => a.http_status)).toEqual([503, 200]);
    const received = ctx.receiver.received.filter((n) => n.json?.reference === body.reference);
    expect(received).toHaveLength(2);
    expect(received[0]!.json.id).toBe(received[1]!.json.id);
  });
});

describe('faults on debits', () => {
  async function authorised(account: string) {
    const { body, answer } = await createDebit(account);
    const result = await authoriseDebit(
      ctx.pool,
      answer.bank_reference,
      await readDebitCode(ctx.pool, answer.bank_reference),
    );
    if (!('requestId' in result)) throw new Error('unreachable');
    return { body, answer, result };
  }

  it('DECLINE fails the debit at authorisation, once per `times`', async () => {
    const account = await ctx.openAccount();
    expect((await ctx.api.put('/faults', { scope: account, fault: { mode: 'DECLINE', times: 1 } })).status).toBe(200);
    expect((await authorised(account)).result).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    expect(await ctx.balanceOf(account)).toBe(100_000n);
    expect((await authorised(account)).result).toMatchObject({ status: 'SUCCEEDED' });
    expect((await ctx.api.operatorGet('/faults')).body.faults).toEqual([]);
  });

  it('INSUFFICIENT_FUNDS (global) fails the debit although the money is there', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'INSUFFICIENT_FUNDS' } });
    expect((await authorised(account)).result).toMatchObject({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect(await ctx.balanceOf(account)).toBe(100_000n);
  });

  it("an account's own fault wins over the global one", async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'DECLINE' } });
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'LOSE_NOTICE' } });
    expect((await authorised(account)).result).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('DELAY_NOTICE moves the money now and sends the notice N seconds later', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'DELAY_NOTICE', delay_seconds: 1 } });
    const { body, result } = await authorised(account);
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    expect(await ctx.balanceOf(account)).toBe(95_000n);
    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(1);
    expect(ctx.receiver.received.filter((n) => n.json?.reference === body.reference)).toHaveLength(1);
  });

  it('LOSE_NOTICE moves the money and never sends the notice (recorded as suppressed)', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'LOSE_NOTICE' } });
    const { body, result } = await authorised(account);
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    expect(await ctx.balanceOf(account)).toBe(95_000n);
    await deliverDueNotices(ctx.pool);
    expect(ctx.receiver.received.filter((n) => n.json?.reference === body.reference)).toHaveLength(0);
    expect(await noticesOf(body.reference)).toMatchObject([{ state: 'SUPPRESSED', attempts: 0 }]);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('DUPLICATE_NOTICE sends the same notice (same id) twice', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'DUPLICATE_NOTICE' } });
    const { body, result } = await authorised(account);
    expect(await deliverNoticeOfRequest(ctx.pool, result.requestId)).toBe(2);
    const received = ctx.receiver.received.filter((n) => n.json?.reference === body.reference);
    expect(received).toHaveLength(2);
    expect(received[0]!.body).toBe(received[1]!.body);
    expect(await noticesOf(body.reference)).toMatchObject([{ state: 'DELIVERED', copies: 2, delivered_copies: 2 }]);
  });

  it('ERROR_500 answers 500 to POST /debits and creates nothing', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'ERROR_500', times: 1 } });
    const body = debitBody(account);
    const res = await ctx.api.post('/debits', body);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('SANDBOX_FAULT');
    expect(await requestRow(body.reference)).toBeUndefined();
    expect((await ctx.api.get(`/requests/${body.reference}`)).status).toBe(404);
    // The fault was used up: the retry works.
    expect((await ctx.api.post('/debits', body)).status).toBe(201);
  });

  it('TIMEOUT creates the debit but answers late', async () => {
    const account = await ctx.openAccount();
    await ctx.api.put('/faults', { scope: account, fault: { mode: 'TIMEOUT', times: 1 } });
    const body = debitBody(account);
    const started = Date.now();
    const pending = ctx.api.post('/debits', body);
    await new Promise((r) => setTimeout(r, 300));
    // The work is done before the answer comes.
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({ status: 'AWAITING_AUTHORISATION' });
    expect((await pending).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_TIMEOUT_FAULT_MS - 50);
  });
});
