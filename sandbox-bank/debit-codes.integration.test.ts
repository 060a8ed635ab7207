// The code that authorises a debit goes to the holder's phone, not onto the bank's page: texted
// when the debit is created (once, whatever the retries), kept only as a hash, good for
// 5 minutes, replaced by a resend (at most once a minute).
import { describe, expect, it } from 'vitest';
import { openSandboxAccount } from './accounts/open-account';
import { authoriseDebit, getDebitForPage } from './requests/authorise-debit';
import { resendDebitCode } from './requests/debit-code';
import { readDebitCode, uniqueReference, setUpBankTestContext } from './testing/bank-test-context';

const ctx = setUpBankTestContext();

async function debitFor(phone: string) {
  const account = await openSandboxAccount(ctx.pool, { holderName: '短信客户', openingBalance: 100_000n, phone });
  const body = {
    reference: uniqueReference('sms'),
    account_number: account,
    amount: 1_234,
    currency: 'CNY',
    payee: '示例商店',
    description: '',
    return_url: 'http://localhost:3000/r',
    notify_url: ctx.receiver.url,
  };
  const res = await ctx.api.post('/debits', body);
  expect(res.status).toBe(201);
  return { account, body, bankReference: res.body.bank_reference as string };
}

const textsTo = async (phone: string) =>
  (
    await ctx.pool.query<{ body: string; serial: string }>(
      'SELECT body, serial FROM sandbox_bank.phone_messages WHERE phone = $1 ORDER BY id',
      [phone],
    )
  ).rows;

describe("a debit's code", () => {
  it('is texted to the phone on file once, and the bank keeps only its hash', async () => {
    const { body, bankReference } = await debitFor('13700001111');
    // A retry of the same request is answered from the first answer: no second text.
    expect((await ctx.api.post('/debits', body)).status).toBe(200);
    const texts = await textsTo('13700001111');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(/^【沙箱银行】验证码 \d{6}（序号 \d{4}），您正在向 示例商店 付款 ¥12\.34/);
    const code = await readDebitCode(ctx.pool, bankReference);
    const { rows } = await ctx.pool.query('SELECT * FROM sandbox_bank.requests WHERE bank_reference = $1', [
      bankReference,
    ]);
    expect(Object.values(rows[0]).map(String)).not.toContain(code);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    // What the page shows: where the code went, never the code.
    const page = await getDebitForPage(ctx.pool, bankReference);
    expect(page).toMatchObject({ maskedPhone: '137****1111', codeSerial: texts[0]!.serial });
    expect(Object.values(page!).map(String)).not.toContain(code);
  });

  it('past its 5 minutes is refused without counting a try or moving money; a resent one works and the old one not', async () => {
    const { account, bankReference } = await debitFor('13700002222');
    const first = await readDebitCode(ctx.pool, bankReference);
    await ctx.pool.query(
      `UPDATE sandbox_bank.requests SET code_expires_at = now() - interval '1 second', code_sent_at = now() - interval '301 seconds' WHERE bank_reference = $1`,
      [bankReference],
    );
    expect(await authoriseDebit(ctx.pool, bankReference, first)).toEqual({ outcome: 'CODE_EXPIRED' });
    expect(await ctx.balanceOf(account)).toBe(100_000n);

    expect(await resendDebitCode(ctx.pool, bankReference)).toEqual({ outcome: 'SENT' });
    expect(await textsTo('13700002222')).toHaveLength(2);
    const second = await readDebitCode(ctx.pool, bankReference);
    if (second !== first)
      expect(await authoriseDebit(ctx.pool, bankReference, first)).toEqual({ outcome: 'WRONG_CODE', attemptsLeft: 4 });
    expect(await authoriseDebit(ctx.pool, bankReference, second)).toMatchObject({
      outcome: 'FINISHED',
      status: 'SUCCEEDED',
    });
    expect(await ctx.balanceOf(account)).toBe(100_000n - 1_234n);
  });

  it('is sent again at most once a minute, and not for a finished debit', async () => {
    const { bankReference } = await debitFor('13700003333');
    const resent = await resendDebitCode(ctx.pool, bankReference);
    expect(resent).toMatchObject({ outcome: 'TOO_SOON' });
    expect((resent as { waitSeconds: number }).waitSeconds).toBeGreaterThan(50);
    expect(await textsTo('13700003333')).toHaveLength(1);
    await authoriseDebit(ctx.pool, bankReference, await readDebitCode(ctx.pool, bankReference));
    await ctx.pool.query(
      `UPDATE sandbox_bank.requests SET code_sent_at = now() - interval '2 minutes' WHERE bank_reference = $1`,
      [bankReference],
    );
    expect(await resendDebitCode(ctx.pool, bankReference)).toEqual({ outcome: 'NOT_AWAITING' });
  });
});
