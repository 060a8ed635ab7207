// The bank's books defend themselves, and the reserve statement adds up.
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../scripts/test/test-database-url';
import { applySandboxBankMigrations } from './db/migrate';
import { inTransaction } from './db/transaction';
import { authoriseDebit } from './requests/authorise-debit';
import { seedSandboxBank } from './seed';
import { RESERVE_ACCOUNT_NUMBER, SANDBOX_ACCOUNTS, SEED_CUSTOMER_BALANCE } from './seed-accounts';
import { shanghaiDate } from './time/shanghai-time';
import { readDebitCode, uniqueReference, setUpBankTestContext } from './testing/bank-test-context';

const ctx = setUpBankTestContext();

async function debitAndAuthorise(account: string, amount: number) {
  const res = await ctx.api.post('/debits', {
    reference: uniqueReference('book'),
    account_number: account,
    amount,
    currency: 'CNY',
    payee: '钱包充值',
    return_url: 'http://localhost:3000/r',
    notify_url: 'http://localhost:3000/n',
  });
  await authoriseDebit(ctx.pool, res.body.bank_reference, await readDebitCode(ctx.pool, res.body.bank_reference));
  return res.body as { reference: string; bank_reference: string };
}

describe('the reserve statement', () => {
  it("opens with the previous day's close, lists the day's movements, and closes with their sum", async () => {
    const customer = await ctx.openAccount('对账客户', 10_000n);
    const payee = await ctx.openAccount('对账收款', 0n);
    const today = shanghaiDate(new Date());
    const before = await ctx.api.get(`/statements/reserve?date=${today}`);
    const d1 = await debitAndAuthorise(customer, 3_000);
    const p1 = await ctx.api.post('/payouts', {
      reference: uniqueReference('book-payout'),
      account_number: payee,
      holder_name: '对账收款',
      amount: 1_200,
      currency: 'CNY',
      notify_url: 'http://localhost:3000/n',
    });
    expect(p1.body.status).toBe('SUCCEEDED');

    const res = await ctx.api.get(`/statements/reserve?date=${today}`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ account_number: RESERVE_ACCOUNT_NUMBER, date: today, currency: 'CNY' });
    expect(s.opening_balance).toBe(before.body.opening_balance);
    expect(s.lines.length).toBe(before.body.lines.length + 2);
    const sum = s.lines.reduce((acc: number, l: { amount: number }) => acc + l.amount, 0);
    expect(s.closing_balance).toBe(s.opening_balance + sum);
    expect(BigInt(s.closing_balance)).toBe(await ctx.reserveBalance());
    // Each line's balance_after follows from the one before.
    let running = s.opening_balance;
    for (const line of s.lines) {
      running += line.amount;
      expect(line.balance_after).toBe(running);
    }
    expect(s.lines.at(-2)).toMatchObject({
      bank_reference: d1.bank_reference,
      reference: d1.reference,
      kind: 'DEBIT',
      amount: 3000,
      counterparty: `6222 **** **** ${customer.slice(-4)}`,
      booked_at: expect.stringMatching(/Z$/),
    });
    expect(s.lines.at(-1)).toMatchObject({ bank_reference: p1.body.bank_reference, kind: 'PAYOUT', amount: -1200 });

    // The next day opens where today closes; a day long ago is empty at zero.
    const tomorrow = shanghaiDate(new Date(Date.now() + 24 * 3600 * 1000));
    expect((await ctx.api.get(`/statements/reserve?date=${tomorrow}`)).body).toMatchObject({
      opening_balance: s.closing_balance,
      closing_balance: s.closing_balance,
      lines: [],
    });
    expect((await ctx.api.get('/statements/reserve?date=2001-01-01')).body).toMatchObject({
      opening_balance: 0,
      closing_balance: 0,
      lines: [],
    });

    const csv = await ctx.api.get(`/statements/reserve?date=${today}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`statement-${RESERVE_ACCOUNT_NUMBER}-${today}.csv`);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('row_type,booked_at,bank_reference,reference,kind,amount,balance_after,counterparty');
    expect(rows[1]).toBe(`OPENING_BALANCE,,,,,,${s.opening_balance},`);
    expect(rows.at(-1)).toBe(`CLOSING_BALANCE,,,,,,${s.closing_balance},`);
    expect(rows.at(-2)).toContain(`,${p1.body.bank_reference},`);
    expect(rows.at(-2)).toContain(',PAYOUT,-1200,');
    expect(rows).toHaveLength(s.lines.length + 3);
  });
});

describe('the database refuses', () => {
  it('updating, deleting or truncating a movement', async () => {
    const { rows } = await ctx.pool.query<{ id: bigint }>('SELECT id FROM sandbox_bank.movements ORDER BY id LIMIT 1');
    const id = rows[0]!.id;
    await expect(
      ctx.pool.query('UPDATE sandbox_bank.movements SET amount = amount + 1 WHERE id = $1', [id]),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.pool.query('DELETE FROM sandbox_bank.movements WHERE id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.pool.query('TRUNCATE sandbox_bank.movements CASCADE')).rejects.toThrow(/append-only/);
  });

  it('a negative balance, even when the code is bypassed', async () => {
    const account = await ctx.openAccount('余额客户', 100n);
    await expect(
      ctx.pool.query('UPDATE sandbox_bank.accounts SET balance = -1 WHERE account_number = $1', [account]),
    ).rejects.toThrow(/accounts_balance_not_negative/);
    expect(await ctx.balanceOf(account)).toBe(100n);
  });

  it('a balance that no movement explains', async () => {
    const account = await ctx.openAccount('余额客户', 100n);
    await expect(
      ctx.pool.query('UPDATE sandbox_bank.accounts SET balance = 1000000 WHERE account_number = $1', [account]),
    ).rejects.toThrow(/differs from its movements/);
    expect(await ctx.balanceOf(account)).toBe(100n);
  });

  it('changing the outcome of a finished request', async () => {
    const account = await ctx.openAccount();
    const d = await debitAndAuthorise(account, 100);
    await expect(
      ctx.pool.query(
        `UPDATE sandbox_bank.requests SET status = 'FAILED', failure_reason = 'DECLINED' WHERE reference = $1`,
        [d.reference],
      ),
    ).rejects.toThrow(/already SUCCEEDED/);
  });

  it('a second movement for the same request', async () => {
    const account = await ctx.openAccount();
    const d = await debitAndAuthorise(account, 100);
    await expect(
      inTransaction(ctx.pool, async (client) => {
        const { rows } = await client.query('SELECT id FROM sandbox_bank.requests WHERE reference = $1', [d.reference]);
        const { moveMoney } = await import('./books/move-money');
        await moveMoney(client, {
          kind: 'DEBIT',
          requestId: rows[0].id,
          bankReference: `${d.bank_reference}X`,
          fromAccount: account,
          toAccount: RESERVE_ACCOUNT_NUMBER,
          amount: 100n,
          description: 'twice',
        });
      }),
    ).rejects.toThrow(/movements_request_id_key/);
    expect(await ctx.balanceOf(account)).toBe(100_000n - 100n);
  });
});

describe('migrations and seed', () => {
  it('can run again at every start without changing anything', async () => {
    const url = testDatabaseUrl();
    const reserve = await ctx.reserveBalance();
    expect(await Promise.all([applySandboxBankMigrations(url), applySandboxBankMigrations(url)])).toEqual([[], []]);
    expect(await seedSandboxBank(url)).toEqual([]);
    expect(await ctx.reserveBalance()).toBe(reserve);
    const { rows } = await ctx.pool.query<{ n: bigint }>(
      `SELECT count(*) AS n FROM sandbox_bank.movements WHERE kind = 'DEPOSIT' AND to_account = $1`,
      [SANDBOX_ACCOUNTS.zhangsan.accountNumber],
    );
    expect(rows[0]!.n).toBe(1n);
    const { rows: opening } = await ctx.pool.query<{ amount: bigint }>(
      `SELECT amount FROM sandbox_bank.movements WHERE kind = 'DEPOSIT' AND to_account = $1`,
      [SANDBOX_ACCOUNTS.lisi.accountNumber],
    );
    expect(opening[0]!.amount).toBe(SEED_CUSTOMER_BALANCE);
  });
});
