// The API's edges: signatures, malformed and invalid input, unknown routes, the fault control
// endpoint (the operator's own signature), and the bank switched off.
import { describe, expect, it } from 'vitest';
import { signPayload } from '../lib/signing/hmac-signature';
import { handleSandboxBankApi } from './api/handle-sandbox-bank-api';
import { DEV_CLIENT_SECRET } from './env';
import { SANDBOX_ACCOUNTS } from './seed-accounts';
import { uniqueReference, setUpBankTestContext } from './testing/bank-test-context';

const ctx = setUpBankTestContext();

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
        headers: {
          'Content-Type': 'application/json',
          'Bank-Client-Signature': signPayload(signedPayload, DEV_CLIENT_SECRET),
        },
        body: text,
      });
    expect((await send(`POST /sandbox-bank/api/payouts\n${text}`)).status).toBe(401);
    expect((await send(`PUT /sandbox-bank/api/debits\n${text}`)).status).toBe(401);
    expect((await send(`POST /sandbox-bank/api/debits\n${text.replace('"amount":100', '"amount":101')}`)).status).toBe(
      401,
    );
    expect((await ctx.api.get(`/requests/${body.reference}`)).status).toBe(404);
    // The same, signed for what is sent, passes.
    expect((await send(`POST /sandbox-bank/api/debits\n${text}`)).status).toBe(201);
  });

  it('every wallet endpoint wants a signature', async () => {
    expect((await ctx.api.get('/requests/x', 'missing')).status).toBe(401);
    expect((await ctx.api.get('/requests/has%20space')).body.error.code).toBe('REQUEST_NOT_FOUND');
    expect((await ctx.api.get('/statements/reserve?date=2026-11-25', 'missing')).status).toBe(401);
    expect((await ctx.api.post('/payouts', {}, 'missing')).status).toBe(401);
    expect((await ctx.api.post('/card-bindings', {}, 'missing')).status).toBe(401);
    expect(
      (await ctx.api.post('/card-bindings/0195f7c2-8a4b-7c3d-9e1f-0123456789ab/confirm', {}, 'missing')).status,
    ).toBe(401);
  });
});

describe('input', () => {
  it('answers 400 to a body that is not a JSON object', async () => {
    expect((await ctx.api.put('/faults', '{nope')).status).toBe(400);
    expect((await ctx.api.post('/debits', '{nope')).status).toBe(400);
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

describe('GET/PUT /faults', () => {
  it('sets, lists and clears faults; refuses unknown accounts and modes', async () => {
    const account = await ctx.openAccount();
    expect(
      (await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'DELAY_NOTICE', delay_seconds: 30 } })).status,
    ).toBe(200);
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

describe("the fault control is the operator's", () => {
  const faultRows = async () => (await ctx.pool.query('SELECT * FROM sandbox_bank.faults')).rows;

  it.each([
    ['without a signature', 'missing' as const],
    ['signed with another secret', 'wrong-secret' as const],
    ['signed too long ago', { ageSeconds: 301 }],
  ])('PUT /faults %s is 401 JSON and changes nothing', async (_, signature) => {
    const res = await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'ERROR_500' } }, signature);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.error.code).toBe('BAD_OPERATOR_SIGNATURE');
    expect(await faultRows()).toEqual([]);
  });

  it("is not opened by the wallet's client secret, nor read without a signature", async () => {
    expect((await ctx.api.putSignedByWallet('/faults', { scope: 'GLOBAL', fault: { mode: 'ERROR_500' } })).status).toBe(
      401,
    );
    expect(await faultRows()).toEqual([]);
    expect((await ctx.api.operatorGet('/faults', 'missing')).status).toBe(401);
    // The operator's signature is no good for the wallet's endpoints either.
    const res = await fetch(`${ctx.bank.url}/requests/x`, { headers: { 'Bank-Operator-Signature': 'whatever' } });
    expect(res.status).toBe(401);
  });

  it('works signed by the operator', async () => {
    const res = await ctx.api.put('/faults', { scope: 'GLOBAL', fault: { mode: 'ERROR_500', times: 1 } });
    expect(res.status).toBe(200);
    expect(await faultRows()).toMatchObject([{ scope: 'GLOBAL', mode: 'ERROR_500', times_remaining: 1 }]);
    expect((await ctx.api.operatorGet('/faults')).body.faults).toMatchObject([{ scope: 'GLOBAL', mode: 'ERROR_500' }]);
  });
});

describe('the bank switched off (SANDBOX_BANK_ENABLED=0)', () => {
  it('answers 404 to every API path before reading anything, signed or not', async () => {
    const before = process.env.SANDBOX_BANK_ENABLED;
    process.env.SANDBOX_BANK_ENABLED = '0';
    try {
      for (const [method, path] of [
        ['GET', '/sandbox-bank/api/faults'],
        ['PUT', '/sandbox-bank/api/faults'],
        ['POST', '/sandbox-bank/api/debits'],
        ['POST', '/sandbox-bank/api/card-bindings'],
        ['GET', '/sandbox-bank/api/requests/x'],
      ] as const) {
        const res = await handleSandboxBankApi(
          new Request(`http://localhost${path}`, {
            method,
            ...(method === 'GET' ? {} : { body: '{"scope":"GLOBAL","fault":null}' }),
          }),
        );
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
      }
      const { handleStatementCsvDownload } = await import('./statements/statement-download');
      expect(
        (await handleStatementCsvDownload(new Request('http://localhost/sandbox-bank/statements/csv?date=2026-11-25')))
          .status,
      ).toBe(404);
    } finally {
      if (before === undefined) delete process.env.SANDBOX_BANK_ENABLED;
      else process.env.SANDBOX_BANK_ENABLED = before;
    }
  });
});
