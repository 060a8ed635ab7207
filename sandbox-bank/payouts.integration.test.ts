// Payouts: the bank credits a customer's account from the reserve, at once or later.
import { beforeEach, describe, expect, it } from 'vitest';
import { authoriseDebit } from './requests/authorise-debit';
import { deliverDueNotices, deliverNoticeOfRequest } from './notices/deliver-notices';
import { processDuePayouts } from './requests/process-due-requests';
import { RESERVE_ACCOUNT_NUMBER } from './seed-accounts';
import {
  readDebitCode,
  TEST_TIMEOUT_FAULT_MS,
  uniqueReference,
  setUpBankTestContext,
} from './testing/bank-test-context';

const ctx = setUpBankTestContext();
let payee: string;

/** Puts money into the reserve the way the wallet does: a customer's authorised debit. */
async function fundReserve(amount: number) {
  const account = await ctx.openAccount('充值客户', BigInt(amount));
  const res = await ctx.api.post('/debits', {
    reference: uniqueReference('fund'),
    account_number: account,
    amount,
    currency: 'CNY',
    payee: '钱包充值',
    return_url: 'http://localhost:3000/r',
    notify_url: ctx.receiver.url,
  });
  const code = await readDebitCode(ctx.pool, res.body.bank_reference);
  expect(await authoriseDebit(ctx.pool, res.body.bank_reference, code)).toMatchObject({ status: 'SUCCEEDED' });
}

function payoutBody(overrides: Record<string, unknown> = {}) {
  return {
    reference: uniqueReference('payout'),
    account_number: payee,
    holder_name: '提现客户',
    amount: 2_000,
    currency: 'CNY',
    description: '提现',
    notify_url: ctx.receiver.url,
    ...overrides,
  };
}

async function requestId(reference: string): Promise<string> {
  const { rows } = await ctx.pool.query('SELECT id FROM sandbox_bank.requests WHERE reference = $1', [reference]);
  return rows[0].id;
}

const noticesFor = (reference: string) => ctx.receiver.received.filter((n) => n.json?.reference === reference);

beforeEach(async () => {
  payee = await ctx.openAccount('提现客户', 0n);
  await fundReserve(10_000);
});

describe('a payout', () => {
  it('credits the account from the reserve at once, answers SUCCEEDED and sends a notice', async () => {
    const reserveBefore = await ctx.reserveBalance();
    const body = payoutBody();
    const res = await ctx.api.post('/payouts', body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      reference: body.reference,
      bank_reference: expect.stringMatching(/^SB/),
      status: 'SUCCEEDED',
    });
    expect(await ctx.balanceOf(payee)).toBe(2_000n);
    expect(await ctx.reserveBalance()).toBe(reserveBefore - 2_000n);
    const { rows } = await ctx.pool.query('SELECT * FROM sandbox_bank.movements WHERE bank_reference = $1', [
      res.body.bank_reference,
    ]);
    expect(rows).toMatchObject([
      {
        kind: 'PAYOUT',
        from_account: RESERVE_ACCOUNT_NUMBER,
        to_account: payee,
        amount: 2_000n,
        to_balance_after: 2_000n,
      },
    ]);
    await deliverNoticeOfRequest(ctx.pool, await requestId(body.reference));
    expect(noticesFor(body.reference).map((n) => n.json)).toMatchObject([
      { type: 'payout.succeeded', status: 'SUCCEEDED', amount: 2000 },
    ]);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      kind: 'PAYOUT',
      status: 'SUCCEEDED',
    });
  });

  it.each([
    ['an unknown account', { account_number: '6222777700000001' }, 'ACCOUNT_NOT_FOUND'],
    ["another holder's name", { holder_name: '别人' }, 'NAME_MISMATCH'],
  ])('to %s fails at once', async (_, overrides, reason) => {
    const reserveBefore = await ctx.reserveBalance();
    const body = payoutBody(overrides);
    const res = await ctx.api.post('/payouts', body);
    expect(res.body).toMatchObject({ status: 'FAILED', failure_reason: reason });
    expect(await ctx.reserveBalance()).toBe(reserveBefore);
    await deliverNoticeOfRequest(ctx.pool, await requestId(body.reference));
    expect(noticesFor(body.reference).map((n) => n.json)).toMatchObject([
      { type: 'payout.failed', failure_reason: reason },
    ]);
  });

  it('fails INSUFFICIENT_FUNDS when the reserve holds less than the amount', async () => {
    const reserve = await ctx.reserveBalance();
    const res = await ctx.api.post('/payouts', payoutBody({ amount: Number(reserve) + 1 }));
    expect(res.body).toMatchObject({ status: 'FAILED', failure_reason: 'INSUFFICIENT_FUNDS' });
    expect(await ctx.reserveBalance()).toBe(reserve);
  });
});

describe('faults on payouts', () => {
  const setFault = (fault: Record<string, unknown>) => ctx.api.put('/faults', { scope: payee, fault });

  it.each([
    ['DECLINE', 'DECLINED'],
    ['INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS'],
  ])('%s fails it at once and moves nothing', async (mode, reason) => {
    await setFault({ mode });
    const body = payoutBody();
    expect((await ctx.api.post('/payouts', body)).body).toMatchObject({ status: 'FAILED', failure_reason: reason });
    expect(await ctx.balanceOf(payee)).toBe(0n);
  });

  it('ERROR_500 answers 500 and does nothing', async () => {
    await setFault({ mode: 'ERROR_500' });
    const reserveBefore = await ctx.reserveBalance();
    const body = payoutBody();
    const res = await ctx.api.post('/payouts', body);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('SANDBOX_FAULT');
    expect(await ctx.reserveBalance()).toBe(reserveBefore);
    expect((await ctx.api.get(`/requests/${body.reference}`)).status).toBe(404);
  });

  it('TIMEOUT does the work, then answers late', async () => {
    await setFault({ mode: 'TIMEOUT', times: 1 });
    const body = payoutBody();
    const started = Date.now();
    const pending = ctx.api.post('/payouts', body);
    await new Promise((r) => setTimeout(r, 300));
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({ status: 'SUCCEEDED' });
    expect(await ctx.balanceOf(payee)).toBe(2_000n);
    expect((await pending).body).toMatchObject({ status: 'SUCCEEDED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_TIMEOUT_FAULT_MS - 50);
    // A retry with the same body is answered at once, from the stored answer.
    const retryStarted = Date.now();
    expect((await ctx.api.post('/payouts', body)).body).toMatchObject({ status: 'SUCCEEDED' });
    expect(Date.now() - retryStarted).toBeLessThan(1_000);
  });

  it('DELAY_NOTICE answers PROCESSING, completes after N seconds, then notices', async () => {
    await setFault({ mode: 'DELAY_NOTICE', delay_seconds: 1 });
    const body = payoutBody();
    expect((await ctx.api.post('/payouts', body)).body).toMatchObject({ status: 'PROCESSING' });
    expect(await ctx.balanceOf(payee)).toBe(0n);
    expect(await processDuePayouts(ctx.pool)).toBe(0);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({
      status: 'PROCESSING',
      completed_at: null,
    });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await processDuePayouts(ctx.pool)).toBe(1);
    expect(await ctx.balanceOf(payee)).toBe(2_000n);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({ status: 'SUCCEEDED' });
    await deliverNoticeOfRequest(ctx.pool, await requestId(body.reference));
    expect(noticesFor(body.reference).map((n) => n.json)).toMatchObject([{ type: 'payout.succeeded' }]);
  });

  it('LOSE_NOTICE completes at once, answers PROCESSING and sends nothing: only the status query tells', async () => {
    await setFault({ mode: 'LOSE_NOTICE' });
    const body = payoutBody();
    expect((await ctx.api.post('/payouts', body)).body).toEqual({
      reference: body.reference,
      bank_reference: expect.any(String),
      status: 'PROCESSING',
    });
    expect(await ctx.balanceOf(payee)).toBe(2_000n);
    await deliverDueNotices(ctx.pool);
    expect(noticesFor(body.reference)).toHaveLength(0);
    expect((await ctx.api.get(`/requests/${body.reference}`)).body).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('DUPLICATE_NOTICE completes at once, answers PROCESSING and sends the notice twice', async () => {
    await setFault({ mode: 'DUPLICATE_NOTICE' });
    const body = payoutBody();
    expect((await ctx.api.post('/payouts', body)).body).toMatchObject({ status: 'PROCESSING' });
    expect(await ctx.balanceOf(payee)).toBe(2_000n);
    await deliverNoticeOfRequest(ctx.pool, await requestId(body.reference));
    const received = noticesFor(body.reference);
    expect(received).toHaveLength(2);
    expect(received[0]!.json.id).toBe(received[1]!.json.id);
  });

  it('`times` counts down per request, then the fault is gone', async () => {
    await setFault({ mode: 'DECLINE', times: 2 });
    expect((await ctx.api.operatorGet('/faults')).body.faults).toMatchObject([
      { scope: payee, mode: 'DECLINE', times: 2 },
    ]);
    expect((await ctx.api.post('/payouts', payoutBody())).body.status).toBe('FAILED');
    expect((await ctx.api.operatorGet('/faults')).body.faults).toMatchObject([{ times: 1 }]);
    expect((await ctx.api.post('/payouts', payoutBody())).body.status).toBe('FAILED');
    expect((await ctx.api.operatorGet('/faults')).body.faults).toEqual([]);
    expect((await ctx.api.post('/payouts', payoutBody())).body.status).toBe('SUCCEEDED');
  });
});
