import { describe, expect, it } from 'vitest';
import { fenToDecimal, formatFen } from './money';

describe('formatFen', () => {
  it.each([
    [6_800n, 'zh-CN', '¥68.00'],
    [4_550n, 'en', '¥45.50'],
    [5n, 'zh-CN', '¥0.05'],
    [0n, 'zh-CN', '¥0.00'],
    [123_456_789n, 'zh-CN', '¥1,234,567.89'],
    [1_000_000_000_000_000n, 'en', '¥10,000,000,000,000.00'],
  ])('%s fen in %s is %s', (fen, locale, text) => {
    expect(formatFen(fen, locale)).toBe(text);
  });

  it('writes the decimal string exactly', () => {
    expect(fenToDecimal(2_990n)).toBe('29.90');
    expect(fenToDecimal(-7n)).toBe('-0.07');
    expect(fenToDecimal(999_999_999_999_999n)).toBe('9999999999999.99');
  });
});
