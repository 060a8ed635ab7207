import { describe, expect, it } from 'vitest';
import { bankMoney } from './format';

describe('bankMoney', () => {
  it.each([
    [0n, 'zh-CN', false, '¥0.00'],
    [5n, 'zh-CN', false, '¥0.05'],
    [123450n, 'zh-CN', false, '¥1,234.50'],
    [-96200n, 'en', false, '-¥962.00'],
    [1230n, 'en', true, '+¥12.30'],
    [0n, 'en', true, '¥0.00'],
    [-1n, 'zh-CN', true, '-¥0.01'],
    [999_999_999_999_99n, 'zh-CN', false, '¥999,999,999,999.99'],
  ])('%s fen in %s (signed %s) reads %s', (amount, locale, signed, text) => {
    expect(bankMoney(amount, locale, signed)).toBe(text);
  });
});
