import { describe, expect, it } from 'vitest';
import * as ledger from './index';

describe('public API', () => {
  it.each([
    'parseAmount',
    'parseMinorUnits',
    'normalizeFullWidthDigits',
    'formatMoney',
    'formatAmountPlain',
    'money',
    'addMoney',
    'subtractMoney',
    'isCurrency',
    'currencyDigits',
    'buildJournalEntry',
    'computeFee',
    'computeWithdrawalFee',
    'parseAccountCode',
    'userWalletCode',
    'merchantBalanceCode',
    'mayGoNegative',
    'balanceFromPostingSum',
    'topUpPostings',
    'transferPostings',
  ])('exports %s', (name) => {
    expect(typeof (ledger as Record<string, unknown>)[name]).toBe('function');
  });

  it('works end to end: parse, fee, entry, format', () => {
    const amount = ledger.parseAmount('100.01', 'CNY');
    const fee = ledger.computeFee(amount, ledger.WITHDRAWAL_FEE);
    const entry = ledger.buildJournalEntry({
      kind: 'WITHDRAWAL',
      postings: ledger.withdrawalPostings({ userId: 'u1', amount, fee, currency: 'CNY' }),
      idempotencyKey: 'wd-1',
    });
    const wallet = entry.postings[0];
    expect(wallet?.amount).toBe(-10012n);
    expect(ledger.formatMoney(ledger.money(wallet?.amount ?? 0n, 'CNY'), 'zh-CN', { signed: true })).toBe('-¥100.12');
  });
});
