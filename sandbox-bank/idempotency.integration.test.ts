// Idempotency per wallet reference: same body → same answer, other body → 409, and
// concurrent first calls create one request.
import { describe, expect, it } from 'vitest';
import { uniqueReference, setUpBankTestContext } from './testing/bank-test-context';

const ctx = setUpBankTestContext();

async function rowsFor(reference: string) {
  const { rows } = await ctx.pool.query('SELECT id FROM sandbox_bank.requests WHERE reference = $1', [reference]);
  return rows;
}

describe('a debit reference', () => {
  const body = (account: string, reference: string, amount = 300) => ({
    reference,
    account_number: account,
    amount,
    currency: 'CNY',
    payee: '钱包充值',
    return_url: 'http://localhost:3000/r',
    notify_url: 'http://localhost:3000/n',
  });

  it('answers the same to the same body (200 the second time) and 409 to another body', async () => {
    const account = await ctx.openAccount();
    const reference = uniqueReference('idem');
    const first = await ctx.api.post('/debits', body(account, reference));
    expect(first.status).toBe(201);
    const again = await ctx.api.post('/debits', body(account, reference));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Key order and whitespace do not make a different body.
    const reordered = Object.fromEntries(Object.entries(body(account, reference)).reverse());
    expect((await ctx.api.post('/debits', reordered)).body).toEqual(first.body);
    const other = await ctx.api.post('/debits', body(account, reference, 301));
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'REFERENCE_CONFLICT', field: 'reference' });
    // A payout cannot take a debit's reference either.
    const payout = await ctx.api.post('/payouts', { ...body(account, reference), holder_name: '测试客户' });
    expect(payout.status).toBe(409);
    expect(await rowsFor(reference)).toHaveLength(1);
  });

  it('posted 20 times at once creates one request, and every caller gets its answer', async () => {
    const account = await ctx.openAccount();
    const reference = uniqueReference('race');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ctx.api.post('/debits', body(account, reference))),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
    const bankReferences = new Set(answers.map((a) => a.body.bank_reference));
    expect(bankReferences.size).toBe(1);
    expect(await rowsFor(reference)).toHaveLength(1);
  });
});

describe('a payout reference', () => {
  it('posted 20 times at once pays out once', async () => {
    // Money in the reserve first (an account of our own pays a debit).
    const funder = await ctx.openAccount('充值客户', 1_000n);
    const debit = await ctx.api.post('/debits', {
      reference: uniqueReference('fund'),
      account_number: funder,
      amount: 1_000,
      currency: 'CNY',
      payee: '钱包充值',
      return_url: 'http://localhost:3000/r',
      notify_url: 'http://localhost:3000/n',
    });
    const { authoriseDebit } = await import('./requests/authorise-debit');
    const { readDebitCode } = await import('./testing/read-debit-code');
    await authoriseDebit(ctx.pool, debit.body.bank_reference, await readDebitCode(ctx.pool, debit.body.bank_reference));

    const payee = await ctx.openAccount('提现客户', 0n);
    const reserveBefore = await ctx.reserveBalance();
    const reference = uniqueReference('payout-race');
    const payout = {
      reference,
      account_number: payee,
      holder_name: '提现客户',
      amount: 700,
      currency: 'CNY',
      notify_url: 'http://localhost:3000/n',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => ctx.api.post('/payouts', payout)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body.status).toBe('SUCCEEDED');
    expect(await rowsFor(reference)).toHaveLength(1);
    expect(await ctx.balanceOf(payee)).toBe(700n);
    expect(await ctx.reserveBalance()).toBe(reserveBefore - 700n);
  });
});
