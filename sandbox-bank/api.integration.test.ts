// The API's edges: signatures, malformed and invalid input, unknown routes, account checks,
// the fault control endpoint.
import { describe, expect, it } from 'vitest';
import { signPayload } from '../server/signing/hmac-signature';
import { DEV_CLIENT_SECRET } from './env';
import { SANDBOX_ACCOUNTS } from './seed-accounts';
import { uniqueReference, useBankTestContext } from './testing/bank-test-context';

const ctx = useBankTestContext();

function debitBody(overrides: Record<string, unknown> = {}) {
  return {
    reference: uniqueReference('api'),
    account_number: SANDBOX_ACCOUNTS.wangwu.accountNumber,
    amount: 100,
    currency: 'CNY',
    payee: '钱包充值',
    description: '',
    return_url: 'http://localhost:3000/r',
    notify_url: 'http://localhost:3000/n',
    ...overrides,
  };
}

async function requestCount(): Promise<bigint> {
  const { rows } = await ctx.pool.query<{ n: bigint }>('SELECT count(*) AS n FROM sandbox_bank.requests');
  return rows[0]!.n;
}

describe('signatures', () => {
  it.each([
    ['missing', 'missing' as const],
    ['made with another secret', 'wrong-secret' as const],
    ['older than 300 s', { ageSeconds: 301 }],
    // 10 s past the limit, not 1: the clock may tick between signing and checking, which
    // brings a future stamp closer (the exact edge is unit-tested on a fixed clock).
    ['from more than 300 s ahead', { ageSeconds: -310 }],
  ])('a request with a signature %s gets 401 and nothing is written', async (_, signature) => {
    const before = await requestCount();
    const body = debitBody();
    const res = await ctx.api.post('/debits', body, signature);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('BAD_SIGNATURE');
    expect(await requestCount()).toBe(before);
    expect((await ctx.api.get(`/requests/${body.reference}`)).status).toBe(404);
  });

  it('a signature made for another body, path or method does not pass', async () => {
    const body = debitBody();
    const text = JSON.stringify(body);
    const send = (signedPayload: string) =>
      fetch(`${ctx.bank.url}/debits`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Bank-Client-Signature': signPayload(signedPayload, DEV_CLIENT_SECRET) },
        body: text,
      });
    expect((await send(`POST /sandbox-bank/api/payouts\n${text}`)).status).toBe(401);
    expect((await send(`PUT /sandbox-bank/api/debits\n${text}`)).status).toBe(401);
    expect((await send(`POST /sandbox-bank/api/debits\n${text.replace('"amount":100', '"amount":101')}`)).status).toBe(401);
    expect((await ctx.api.get(`/requests/${body.reference}`)).status).toBe(404);
    // The same, signed for what is sent, passes.
    expect((await send(`POST /sandbox-bank/api/debits\n${text}`)).status).toBe(201);
  });

  it('every wallet endpoint wants a signature; the fault control does not', async () => {
    expect((await ctx.api.get('/requests/x', 'missing')).status).toBe(401);
    expect((await ctx.api.get('/requests/has%20space')).body.error.code).toBe('REQUEST_NOT_FOUND');
    expect((await ctx.api.get('/statements/reserve?date=2026-11-25', 'missing')).status).toBe(401);
    expect((await ctx.api.post('/payouts', {}, 'missing')).status).toBe(401);
    expect((await ctx.api.post('/accounts/verify', {}, 'missing')).status).toBe(401);
    expect((await ctx.api.get('/faults', 'missing')).status).toBe(200);
  });
});

describe('input', () => {
  it('answers 400 to a body that is not a JSON object', async () => {
    const res = await fetch(`${ctx.bank.url}/faults`, { method: 'PUT', body: '{nope' });
    expect(res.status).toBe(400);
    expect((await ctx.api.post('/debits', [1, 2])).status).toBe(400);
  });

  it.each([
    ['amount', 1.5],
    ['amount', 0],
    ['amount', -100],
    ['amount', 1e15 + 1],
    ['amount', '100'],
    ['amount', 2 ** 53],
    ['currency', 'USD'],
    ['account_number', '6222-0000'],
    ['reference', ''],
    ['reference', 'has space'],
    ['return_url', 'javascript:alert(1)'],
    ['notify_url', 'ftp://x'],
    ['payee', ''],
  ])('answers 422 naming the field for %s = %j', async (field, value) => {
    const before = await requestCount();
    const res = await ctx.api.post('/debits', debitBody({ [field]: value }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_FIELD', field });
    expect(await requestCount()).toBe(before);
  });

  it('answers 404 to a debit of an unknown account and to an unknown reference', async () => {
    const res = await ctx.api.post('/debits', debitBody({ account_number: '6222777700000009' }));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await ctx.api.get('/requests/never-sent')).body.error.code).toBe('REQUEST_NOT_FOUND');
  });

  it('answers 404 to unknown endpoints and 405 to the wrong method, with Allow', async () => {
    expect((await ctx.api.get('/nope')).status).toBe(404);
    const wrongMethod = await ctx.api.get('/debits');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('asks for a calendar date for statements', async () => {
    for (const q of ['', '?date=2026-02-30', '?date=yesterday', '?date=2026-11-25&format=xml']) {
      const res = await ctx.api.get(`/statements/reserve${q}`);
      expect(res.status, q).toBe(422);
    }
  });
});

describe('POST /accounts/verify', () => {
  it.each([
    [SANDBOX_ACCOUNTS.wangwu.accountNumber, '王五', { verified: true, bank_name: '沙箱银行', masked_number: '6222 **** **** 0044' }],
    [SANDBOX_ACCOUNTS.wangwu.accountNumber, '李四', { verified: false, reason: 'NAME_MISMATCH' }],
    ['6222777700000002', '王五', { verified: false, reason: 'NOT_FOUND' }],
  ])('%s in the name of %s', async (account_number, holder_name, expected) => {
    const res = await ctx.api.post('/accounts/verify', { account_number, holder_name });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
  });

  it('says CLOSED for a closed account', async () => {
    const account = await ctx.openAccount('销户客户', 0n);
    await ctx.pool.query(`UPDATE sandbox_bank.accounts SET status = 'CLOSED' WHERE account_number = $1`, [account]);
    expect((await ctx.api.post('/accounts/verify', { account_number: account, holder_name: '销户客户' })).body).toEqual({ verified: false, reason: 'CLOSED' });
  });
});

describe('GET/PUT /faults', () => {
  it('sets, lists and clears faults; refuses unknown accounts and modes', async () => {
    const account = await ctx.openAccount();
    expect((await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'DELAY_NOTICE', delay_seconds: 30 } })).status).toBe(200);
    const res = await ctx.api.put('/faults', { scope: account, fault: { mode: 'DECLINE', times: 3 } });
    expect(res.body.faults).toEqual([
      { scope: 'GLOBAL', mode: 'DELAY_NOTICE', delay_seconds: 30, times: null, updated_at: expect.any(String) },
      { scope: account, mode: 'DECLINE', delay_seconds: null, times: 3, updated_at: expect.any(String) },
    ]);
    expect((await ctx.api.put('/faults', { scope: 'GLOBAL', fault: null })).body.faults).toHaveLength(1);
    expect((await ctx.api.put('/faults', { scope: '6222777700000003', fault: { mode: 'DECLINE' } })).status).toBe(404);
    expect((await ctx.api.put('/faults', { scope: account, fault: { mode: 'EXPLODE' } })).status).toBe(422);
    expect((await ctx.api.put('/faults', { scope: account, fault: { mode: 'DECLINE', times: 0 } })).status).toBe(422);
  });
});
