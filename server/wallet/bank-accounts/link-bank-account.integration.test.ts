// Linking a card through the real gateway to the sandbox bank over HTTP: the bank checks card
// number, name, ID number and phone together, texts a code to the holder's phone, and only the
// code links the card. A stranger who knows everything the bank's public list shows — and even
// the holder's ID number and phone — cannot link it without that phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { readBindingCode } from '@/sandbox-bank/testing/read-debit-code';
import type { Db } from '../../db';
import { httpStatusForError } from '../../http/error-status';
import { RATE_LIMITS } from '../../rate-limit/rate-limits';
import { startBankFlowHarness, type BankFlowHarness } from '../testing/bank-flow-harness';
import { createTestUser } from '../testing/wallet-fixtures';
import type { AppDeps } from '../../core/deps';
import { confirmBankAccountLink } from './confirm-bank-account-link';
import { startBankAccountLink } from './start-bank-account-link';

let harness: BankFlowHarness;
let db: Db;
let pool: BankPool;
let deps: AppDeps;

beforeAll(async () => {
  harness = await startBankFlowHarness('link_bank_account');
  ({ db, pool, deps } = harness);
});
afterAll(() => harness?.close());

let phoneCounter = 0;
async function holder(name: string) {
  phoneCounter++;
  const phone = `1360000${String(phoneCounter).padStart(4, '0')}`;
  const idNumber = '110101198001010014';
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 0n, idNumber, phone });
  return { accountNumber, holderName: name, idNumber, phone };
}

const cardKeyedRows = async (accountNumber: string) =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE ${`%${accountNumber}%`}`
  )[0]!.n;
const linkedRows = (userId: string) => db.bankAccount.count({ where: { userId } });
const textsTo = async (phone: string) =>
  (await pool.query('SELECT id FROM sandbox_bank.phone_messages WHERE phone = $1', [phone])).rows.length;

describe('linking a card', () => {
  it('takes the details, then the code texted to the phone on file; the wallet stores the masked card only', async () => {
    const user = await createTestUser(db, '链接');
    const details = await holder('链接');
    const started = await startBankAccountLink(deps, { userId: user.id, ...details });
    expect(started).toMatchObject({
      maskedPhone: `136****${details.phone.slice(-4)}`,
      codeSerial: expect.stringMatching(/^\d{4}$/),
    });
    expect(await linkedRows(user.id)).toBe(0); // nothing stored before the code

    const linked = await confirmBankAccountLink(deps, {
      userId: user.id,
      bindingId: started.bindingId,
      code: await readBindingCode(pool, started.bindingId),
    });
    expect(linked).toMatchObject({
      userId: user.id,
      accountNumber: details.accountNumber,
      holderName: '链接',
      bankName: '沙箱银行',
      isDefault: true,
    });
    // The bank keeps the ID number and the phone; the wallet's row has neither.
    const row = await db.bankAccount.findUniqueOrThrow({ where: { id: linked.id } });
    expect(Object.values(row).map(String)).not.toContain(details.idNumber);
    expect(Object.values(row).map(String)).not.toContain(details.phone);

    await expect(startBankAccountLink(deps, { userId: user.id, ...details })).rejects.toMatchObject({
      code: 'BANK_ACCOUNT_ALREADY_LINKED',
    });
  });

  it('refuses a wrong ID number, phone, name or card number with the same answer, texting nobody', async () => {
    const user = await createTestUser(db, '核对');
    const details = await holder('核对');
    const errors = [];
    for (const wrong of [
      { idNumber: '11010519491231002X' },
      { phone: '13912345678' },
      { holderName: '别人' },
      { accountNumber: '6222777700000025' },
    ]) {
      const error = await startBankAccountLink(deps, { userId: user.id, ...details, ...wrong }).catch(
        (e: unknown) => e,
      );
      errors.push({
        code: (error as { code?: string }).code,
        field: (error as { field?: string }).field,
        message: (error as Error).message,
      });
    }
    expect(errors[0]).toEqual({
      code: 'BANK_ACCOUNT_NOT_VERIFIED',
      field: undefined,
      message: 'The bank could not verify these details',
    });
    for (const e of errors) expect(e).toEqual(errors[0]);
    expect(await textsTo(details.phone)).toBe(0);
    expect(await linkedRows(user.id)).toBe(0);
  });

  it('is not done by a stranger who knows every detail but not the code: five guesses end it', async () => {
    const stranger = await createTestUser(db, '陌生人');
    const details = await holder('受害者');
    const started = await startBankAccountLink(deps, { userId: stranger.id, ...details });
    // The code went to the holder's phone, which the stranger does not have.
    expect(await textsTo(details.phone)).toBe(1);
    const code = await readBindingCode(pool, started.bindingId);
    const guess = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      await expect(
        confirmBankAccountLink(deps, { userId: stranger.id, bindingId: started.bindingId, code: guess }),
      ).rejects.toMatchObject({
        code: 'BANK_CODE_WRONG',
        field: 'code',
        details: { attemptsLeft: left },
      });
    }
    await expect(
      confirmBankAccountLink(deps, { userId: stranger.id, bindingId: started.bindingId, code: guess }),
    ).rejects.toMatchObject({
      code: 'BANK_CODE_UNUSABLE',
      details: { reason: 'TOO_MANY_ATTEMPTS' },
    });
    await expect(
      confirmBankAccountLink(deps, { userId: stranger.id, bindingId: started.bindingId, code }),
    ).rejects.toMatchObject({
      code: 'BANK_CODE_UNUSABLE',
    });
    expect(await linkedRows(stranger.id)).toBe(0);
  });

  it("is not done with another user's binding, even with its code; the code is single use", async () => {
    const owner = await createTestUser(db, '持卡人');
    const stranger = await createTestUser(db, '旁人');
    const details = await holder('持卡人');
    const started = await startBankAccountLink(deps, { userId: owner.id, ...details });
    const code = await readBindingCode(pool, started.bindingId);
    await expect(
      confirmBankAccountLink(deps, { userId: stranger.id, bindingId: started.bindingId, code }),
    ).rejects.toMatchObject({
      code: 'BANK_CODE_UNUSABLE',
      details: { reason: 'NOT_FOUND' },
    });
    expect(await linkedRows(stranger.id)).toBe(0);
    // The bank took the code then: the owner asks for a new one.
    await expect(
      confirmBankAccountLink(deps, { userId: owner.id, bindingId: started.bindingId, code }),
    ).rejects.toMatchObject({
      code: 'BANK_CODE_UNUSABLE',
      details: { reason: 'ALREADY_USED' },
    });
    const again = await startBankAccountLink(deps, { userId: owner.id, ...details });
    await confirmBankAccountLink(deps, {
      userId: owner.id,
      bindingId: again.bindingId,
      code: await readBindingCode(pool, again.bindingId),
    });
    expect(await linkedRows(owner.id)).toBe(1);
  });

  it('refuses a code past its 5 minutes', async () => {
    const user = await createTestUser(db, '迟到');
    const details = await holder('迟到');
    const started = await startBankAccountLink(deps, { userId: user.id, ...details });
    await pool.query(
      `UPDATE sandbox_bank.card_bindings SET code_expires_at = now() - interval '1 second' WHERE id = $1`,
      [started.bindingId],
    );
    await expect(
      confirmBankAccountLink(deps, {
        userId: user.id,
        bindingId: started.bindingId,
        code: await readBindingCode(pool, started.bindingId),
      }),
    ).rejects.toMatchObject({ code: 'BANK_CODE_UNUSABLE', details: { reason: 'CODE_EXPIRED' } });
    expect(await linkedRows(user.id)).toBe(0);
  });

  it('says the bank is unavailable when it cannot be reached, and stores nothing', async () => {
    const user = await createTestUser(db, '断线');
    const details = await holder('断线');
    const { SandboxBankGateway } = await import('../../bank/sandbox-bank-gateway');
    const down = {
      ...deps,
      bank: new SandboxBankGateway({ baseUrl: 'http://127.0.0.1:9/sandbox-bank/api', clientSecret: 'x'.repeat(40) }),
    };
    await expect(startBankAccountLink(down, { userId: user.id, ...details })).rejects.toMatchObject({
      code: 'BANK_UNAVAILABLE',
    });
    expect(await linkedRows(user.id)).toBe(0);
  });

  it('takes a few tries an hour per user: past them RATE_LIMITED (429), the bank is not asked and nobody is texted', async () => {
    const user = await createTestUser(db, '频繁');
    const details = await holder('频繁');
    // Each try on another card, so that only the user's own limit is reached.
    for (let i = 0; i < RATE_LIMITS.bankCardLinksPerUser.points; i++) {
      const card = await holder(`频繁${i}`);
      await expect(startBankAccountLink(deps, { userId: user.id, ...card, holderName: '别人' })).rejects.toMatchObject({
        code: 'BANK_ACCOUNT_NOT_VERIFIED',
      });
    }
    const refused = await startBankAccountLink(deps, { userId: user.id, ...details }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(httpStatusForError(refused)).toBe(429);
    expect(await textsTo(details.phone)).toBe(0);
    // Another user is not affected.
    const other = await createTestUser(db, '别的用户');
    await expect(startBankAccountLink(deps, { userId: other.id, ...details })).resolves.toMatchObject({
      maskedPhone: expect.any(String),
    });
  });

  it('takes a few tries a day per card from all accounts together: past them 429 on the card number, nobody texted', async () => {
    const card = await holder('一张卡');
    const rowsBefore = await cardKeyedRows(card.accountNumber);
    // Many accounts, each within its own limit, probing one card's holder details.
    for (let i = 0; i < RATE_LIMITS.bankCardLinksPerCard.points; i++) {
      const prober = await createTestUser(db, `探测${i}`);
      await expect(
        startBankAccountLink(deps, { userId: prober.id, ...card, holderName: `猜测${i}` }),
      ).rejects.toMatchObject({ code: 'BANK_ACCOUNT_NOT_VERIFIED' });
    }
    // The next account is refused before the bank is asked, even with every detail right.
    const next = await createTestUser(db, '下一个');
    const refused = await startBankAccountLink(deps, { userId: next.id, ...card }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', field: 'accountNumber' });
    expect(httpStatusForError(refused)).toBe(429);
    expect(await textsTo(card.phone)).toBe(0);
    expect(await linkedRows(next.id)).toBe(0);
    // The limiter keeps a keyed digest, never the number.
    expect(await cardKeyedRows(card.accountNumber)).toBe(rowsBefore);
    // Other cards are not affected.
    await expect(startBankAccountLink(deps, { userId: next.id, ...(await holder('另一张')) })).resolves.toMatchObject({
      maskedPhone: expect.any(String),
    });
  });

  it("forgets a card's count once its holder completes a link with the phone's code", async () => {
    const card = await holder('持卡人');
    for (let i = 0; i < RATE_LIMITS.bankCardLinksPerCard.points - 1; i++) {
      const typo = await createTestUser(db, `输错${i}`);
      await expect(
        startBankAccountLink(deps, { userId: typo.id, ...card, phone: '13911112222' }),
      ).rejects.toMatchObject({ code: 'BANK_ACCOUNT_NOT_VERIFIED' });
    }
    const owner = await createTestUser(db, '持卡人');
    const started = await startBankAccountLink(deps, { userId: owner.id, ...card });
    await confirmBankAccountLink(deps, {
      userId: owner.id,
      bindingId: started.bindingId,
      code: await readBindingCode(pool, started.bindingId),
    });
    // Past the limit without the completed link; allowed after it.
    const merchantSide = await createTestUser(db, '持卡人的商户账户');
    await expect(startBankAccountLink(deps, { userId: merchantSide.id, ...card })).resolves.toMatchObject({
      maskedPhone: expect.any(String),
    });
  });
});
