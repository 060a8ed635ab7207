import { describe, expect, it } from 'vitest';
import { formatAmountPlain, formatMoney, type MoneyLocale } from './format-money';
import { type Currency, MAX_AMOUNT, money } from './money';
import { parseAmount } from './parse-amount';

describe('formatMoney', () => {
  it.each<[bigint, Currency, MoneyLocale, boolean, string]>([
    [123450n, 'CNY', 'zh-CN', false, '¥1,234.50'],
    [123450n, 'CNY', 'en', false, '¥1,234.50'],
    [1230n, 'CNY', 'zh-CN', true, '+¥12.30'],
    [1230n, 'CNY', 'en', true, '+¥12.30'],
    [-96200n, 'CNY', 'zh-CN', true, '-¥962.00'],
    [-96200n, 'CNY', 'en', false, '-¥962.00'],
    [0n, 'CNY', 'en', true, '¥0.00'],
    [0n, 'CNY', 'zh-CN', false, '¥0.00'],
    [1n, 'CNY', 'zh-CN', false, '¥0.01'],
    [-1n, 'CNY', 'en', true, '-¥0.01'],
    [50n, 'CNY', 'en', true, '+¥0.50'],
    [8888n, 'CNY', 'zh-CN', false, '¥88.88'],
    [123456789n, 'USD', 'en', false, '$1,234,567.89'],
    [123456789n, 'USD', 'zh-CN', false, '$1,234,567.89'],
    [99n, 'EUR', 'en', false, '€0.99'],
    [1234n, 'JPY', 'en', false, '¥1,234'],
    [-5n, 'JPY', 'zh-CN', true, '-¥5'],
    [MAX_AMOUNT, 'CNY', 'en', false, '¥10,000,000,000,000.00'],
    [MAX_AMOUNT - 1n, 'CNY', 'en', false, '¥9,999,999,999,999.99'],
    // Beyond 2^53 (sums, totals): still exact, no float rounding.
    [2n ** 63n - 1n, 'CNY', 'en', false, '¥92,233,720,368,547,758.07'],
    [900719925474099312n, 'CNY', 'zh-CN', true, '+¥9,007,199,254,740,993.12'],
  ])('%s %s %s signed=%s → %s', (amount, currency, locale, signed, expected) => {
    expect(formatMoney(money(amount, currency), locale, { signed })).toBe(expected);
  });

  it('is unsigned by default', () => {
    expect(formatMoney(money(1230n, 'CNY'), 'en')).toBe('¥12.30');
  });
});

describe('formatAmountPlain', () => {
  it.each<[bigint, Currency, string]>([
    [123450n, 'CNY', '1234.50'],
    [8888n, 'CNY', '88.88'],
    [1n, 'CNY', '0.01'],
    [10n, 'CNY', '0.10'],
    [0n, 'CNY', '0.00'],
    [-96200n, 'CNY', '-962.00'],
    [-5n, 'USD', '-0.05'],
    [1234n, 'JPY', '1234'],
    [0n, 'JPY', '0'],
    [-7n, 'JPY', '-7'],
    [MAX_AMOUNT, 'CNY', '10000000000000.00'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatAmountPlain(amount, currency)).toBe(expected);
  });
});

describe('formatAmountPlain round-trips through parseAmount', () => {
  it.each<[bigint, Currency]>([
    [1n, 'CNY'],
    [10n, 'CNY'],
    [8888n, 'USD'],
    [123450n, 'EUR'],
    [MAX_AMOUNT, 'CNY'],
    [1n, 'JPY'],
    [MAX_AMOUNT, 'JPY'],
  ])('%s %s', (amount, currency) => {
    expect(parseAmount(formatAmountPlain(amount, currency), currency)).toBe(amount);
  });
});
