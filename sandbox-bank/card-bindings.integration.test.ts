// 快捷支付 binding at the bank over real HTTP: all four details must match before a code is
// texted; one answer whichever is wrong; the code is kept hashed, single use, 5 minutes, five
// tries.
import { describe, expect, it } from 'vitest';
import { openSandboxAccount } from './accounts/open-account';
import { readBindingCode } from './testing/read-debit-code';
import { uniqueReference, setUpBankTestContext } from './testing/bank-test-context';

const ctx = setUpBankTestContext();

const ID = '110101198001010014';
const PHONE = '13912345678';

async function holder(name = '绑卡客户') {
  const accountNumber = await openSandboxAccount(ctx.pool, {
    holderName: name,
    openingBalance: 0n,
    idNumber: ID,
    phone: PHONE,
  });
  return {
    reference: uniqueReference('link'),
    account_number: accountNumber,
    holder_name: name,
    id_number: ID,
    phone: PHONE,
  };
}

const texts = async (phone = PHONE) =>
  (
    await ctx.pool.query<{ body: string; binding_id: string | null }>(
      'SELECT body, binding_id FROM sandbox_bank.phone_messages WHERE phone = $1',
      [phone],
    )
  ).rows;

async function start(body: Record<string, unknown>) {
  return ctx.api.post('/card-bindings', body);
}

const confirm = (bindingId: string, code: string) => ctx.api.post(`/card-bindings/${bindingId}/confirm`, { code });

describe('POST /card-bindings', () => {
  it('texts a code to the phone on file when every detail matches; the bank keeps only its hash', async () => {
    const details = await holder();
    const textsBefore = (await texts()).length;
    const res = await start(details);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      binding_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      masked_phone: '139****5678',
      code_serial: expect.stringMatching(/^\d{4}$/),
      expires_at: expect.any(String),
    });
    const expiresIn = new Date(res.body.expires_at).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4.9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);

    const after = await texts();
    expect(after).toHaveLength(textsBefore + 1);
    const code = await readBindingCode(ctx.pool, res.body.binding_id);
    expect(after.at(-1)!.body).toContain(`序号 ${res.body.code_serial}`);
    expect(after.at(-1)!.body).toContain(`尾号 ${details.account_number.slice(-4)}`);
    const { rows } = await ctx.pool.query('SELECT * FROM sandbox_bank.card_bindings WHERE id = $1', [
      res.body.binding_id,
    ]);
    expect(rows[0]).toMatchObject({
      status: 'AWAITING_CODE',
      reference: details.reference,
      account_number: details.account_number,
    });
    expect(Object.values(rows[0]).map(String)).not.toContain(code);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives one and the same answer whichever detail is wrong, and texts nobody', async () => {
    const details = await holder('核对客户');
    const closed = await holder('销户客户');
    await ctx.pool.query(`UPDATE sandbox_bank.accounts SET status = 'CLOSED' WHERE account_number = $1`, [
      closed.account_number,
    ]);
    const bindingsBefore = (await ctx.pool.query('SELECT count(*)::int AS n FROM sandbox_bank.card_bindings')).rows[0]
      .n;
    const textsBefore = (await texts()).length;
    const answers = [];
    for (const wrong of [
      { id_number: '110101198001010022' }, // another valid ID number
      { phone: '13912345679' },
      { holder_name: '别人' },
      { account_number: '6222777700000017' },
      {},
    ]) {
      const body = { ...(Object.keys(wrong).length ? details : closed), ...wrong, reference: uniqueReference('probe') };
      const res = await start(body);
      answers.push({ status: res.status, text: res.text });
    }
    expect(answers[0]).toEqual({
      status: 422,
      text: JSON.stringify({
        error: { code: 'DETAILS_NOT_VERIFIED', message: 'the bank could not verify these details' },
      }),
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect((await ctx.pool.query('SELECT count(*)::int AS n FROM sandbox_bank.card_bindings')).rows[0].n).toBe(
      bindingsBefore,
    );
    expect(await texts()).toHaveLength(textsBefore);
  });

  it('reads a lower-case x at the end of an ID number as X', async () => {
    const accountNumber = await openSandboxAccount(ctx.pool, {
      holderName: '叉号客户',
      idNumber: '11010519491231002X',
      phone: '13900000099',
    });
    const res = await start({
      reference: uniqueReference('x'),
      account_number: accountNumber,
      holder_name: '叉号客户',
      id_number: '11010519491231002x',
      phone: '13900000099',
    });
    expect(res.status).toBe(201);
  });

  it('refuses a malformed field naming it (422), before anything else', async () => {
    const details = await holder('格式客户');
    for (const [field, value] of [
      ['id_number', '12345'],
      ['phone', '2391234567'],
      ['account_number', '6222'],
      ['reference', ''],
    ] as const) {
      const res = await start({ ...details, [field]: value });
      expect(res.status, field).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'INVALID_FIELD', field });
    }
  });
});

describe('POST /card-bindings/<id>/confirm', () => {
  it('confirms with the texted code, says whose card it is, and takes the code once', async () => {
    const details = await holder('确认客户');
    const started = (await start(details)).body;
    const code = await readBindingCode(ctx.pool, started.binding_id);
    const res = await confirm(started.binding_id, code);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'CONFIRMED',
      reference: details.reference,
      account_number: details.account_number,
      holder_name: '确认客户',
      bank_name: '沙箱银行',
      masked_number: `${details.account_number.slice(0, 4)} **** **** ${details.account_number.slice(-4)}`,
    });
    expect((await confirm(started.binding_id, code)).body).toEqual({ status: 'FAILED', reason: 'ALREADY_USED' });
  });

  it('five wrong codes end the binding: the right code is refused after them', async () => {
    const started = (await start(await holder('猜码客户'))).body;
    const code = await readBindingCode(ctx.pool, started.binding_id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1])
      expect((await confirm(started.binding_id, wrong)).body).toEqual({ status: 'WRONG_CODE', attempts_left: left });
    expect((await confirm(started.binding_id, wrong)).body).toEqual({ status: 'FAILED', reason: 'TOO_MANY_ATTEMPTS' });
    expect((await confirm(started.binding_id, code)).body).toEqual({ status: 'FAILED', reason: 'TOO_MANY_ATTEMPTS' });
  });

  it('a code past its 5 minutes is refused, even the right one', async () => {
    const started = (await start(await holder('过期客户'))).body;
    const code = await readBindingCode(ctx.pool, started.binding_id);
    await ctx.pool.query(
      `UPDATE sandbox_bank.card_bindings SET code_expires_at = now() - interval '1 second' WHERE id = $1`,
      [started.binding_id],
    );
    expect((await confirm(started.binding_id, code)).body).toEqual({ status: 'FAILED', reason: 'CODE_EXPIRED' });
  });

  it('answers 404 to an unknown binding and 422 to a code that is not six digits', async () => {
    expect((await confirm('0195f7c2-8a4b-7c3d-9e1f-0123456789ab', '123456')).status).toBe(404);
    expect((await confirm('not-a-uuid', '123456')).status).toBe(404);
    const started = (await start(await holder('格式码客户'))).body;
    const res = await confirm(started.binding_id, '12345');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'code' });
  });
});
