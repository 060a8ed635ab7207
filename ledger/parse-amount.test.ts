import { describe, expect, it } from 'vitest';
import { InvalidAmountError, type InvalidAmountReason } from './errors';
import { type Currency, MAX_AMOUNT } from './money';
import { normalizeFullWidthDigits, parseAmount, parseMinorUnits } from './parse-amount';

function reasonOf(run: () => unknown): InvalidAmountReason | 'NO_ERROR' {
  try {
    run();
    return 'NO_ERROR';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAmountError);
    const invalid = error as InvalidAmountError;
    expect(invalid.code).toBe('INVALID_AMOUNT');
    expect(invalid.field).toBe('amount');
    return invalid.reason;
  }
}

describe('parseAmount accepts', () => {
  it.each<[string, Currency, bigint]>([
    ['88.88', 'CNY', 8888n],
    ['88', 'CNY', 8800n],
    ['88.8', 'CNY', 8880n],
    ['0.01', 'CNY', 1n],
    ['0.5', 'CNY', 50n],
    ['10.00', 'CNY', 1000n],
    ['1234.50', 'USD', 123450n],
    ['7', 'EUR', 700n],
    ['1000', 'JPY', 1000n],
    ['1', 'JPY', 1n],
    ['10000000000000', 'CNY', MAX_AMOUNT],
    ['1000000000000000', 'JPY', MAX_AMOUNT],
  ])('%s %s → %s', (input, currency, expected) => {
    expect(parseAmount(input, currency)).toBe(expected);
  });

  it.each<[string, bigint]>([
    ['0', 0n],
    ['0.00', 0n],
    ['0.0', 0n],
  ])('%s with allowZero → %s', (input, expected) => {
    expect(parseAmount(input, 'CNY', { allowZero: true })).toBe(expected);
  });
});

describe('parseAmount rejects', () => {
  it.each<[string, Currency, InvalidAmountReason]>([
    ['0.001', 'CNY', 'TOO_MANY_DECIMALS'],
    ['1.000', 'CNY', 'TOO_MANY_DECIMALS'],
    ['1e3', 'CNY', 'EXPONENT'],
    ['1E3', 'CNY', 'EXPONENT'],
    ['1.5e2', 'CNY', 'EXPONENT'],
    ['1e1', 'CNY', 'EXPONENT'],
    ['-1', 'CNY', 'SIGN'],
    ['+1', 'CNY', 'SIGN'],
    ['-0', 'CNY', 'SIGN'],
    ['\u22121', 'CNY', 'SIGN'],
    [' 1', 'CNY', 'WHITESPACE'],
    ['1 ', 'CNY', 'WHITESPACE'],
    [' 10 ', 'CNY', 'WHITESPACE'],
    ['1 000', 'CNY', 'WHITESPACE'],
    ['1\u00a0000', 'CNY', 'WHITESPACE'],
    ['\u30001', 'CNY', 'WHITESPACE'],
    ['1\n', 'CNY', 'WHITESPACE'],
    ['１', 'CNY', 'NON_ASCII_DIGIT'],
    ['８８．８８', 'CNY', 'NON_ASCII_DIGIT'],
    ['١', 'CNY', 'NON_ASCII_DIGIT'],
    ['۱۲', 'CNY', 'NON_ASCII_DIGIT'],
    ['१', 'CNY', 'NON_ASCII_DIGIT'],
    ['1,000', 'CNY', 'GROUPING'],
    ['10,00', 'CNY', 'GROUPING'],
    ['1_000', 'CNY', 'GROUPING'],
    ["1'000", 'CNY', 'GROUPING'],
    ['1，000', 'CNY', 'GROUPING'],
    ['NaN', 'CNY', 'MALFORMED'],
    ['Infinity', 'CNY', 'MALFORMED'],
    ['0x10', 'CNY', 'MALFORMED'],
    ['1.2.3', 'CNY', 'MALFORMED'],
    ['12abc', 'CNY', 'MALFORMED'],
    ['¥12', 'CNY', 'MALFORMED'],
    ['1．5', 'CNY', 'MALFORMED'],
    ['', 'CNY', 'EMPTY'],
    ['.5', 'CNY', 'MISSING_DIGITS'],
    ['5.', 'CNY', 'MISSING_DIGITS'],
    ['.', 'CNY', 'MISSING_DIGITS'],
    ['00.5', 'CNY', 'LEADING_ZERO'],
    ['007', 'CNY', 'LEADING_ZERO'],
    ['00', 'CNY', 'LEADING_ZERO'],
    ['0', 'CNY', 'ZERO'],
    ['0.00', 'CNY', 'ZERO'],
    ['10000000000000.01', 'CNY', 'TOO_LARGE'],
    ['1000000000000001', 'JPY', 'TOO_LARGE'],
    ['9223372036854775808', 'CNY', 'TOO_LARGE'],
    ['1.5', 'JPY', 'TOO_MANY_DECIMALS'],
    ['100.0', 'JPY', 'TOO_MANY_DECIMALS'],
  ])('%j %s → %s', (input, currency, reason) => {
    expect(reasonOf(() => parseAmount(input, currency))).toBe(reason);
  });

  it('rejects a 100,000-digit string quickly as TOO_LARGE', () => {
    expect(reasonOf(() => parseAmount('9'.repeat(100_000), 'CNY'))).toBe('TOO_LARGE');
  });

  it.each<[unknown]>([[null], [undefined], [88], [8888n], [{}], [[]]])('non-string %s → WRONG_TYPE', (input) => {
    expect(reasonOf(() => parseAmount(input as string, 'CNY'))).toBe('WRONG_TYPE');
  });

  it('reports the field it was given', () => {
    try {
      parseAmount('abc', 'CNY', { field: 'withdrawAmount' });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidAmountError).field).toBe('withdrawAmount');
    }
  });

  it('still rejects more than MAX_AMOUNT when zero is allowed', () => {
    expect(reasonOf(() => parseAmount('10000000000000.01', 'CNY', { allowZero: true }))).toBe('TOO_LARGE');
  });
});

describe('parseMinorUnits', () => {
  it.each<[unknown, bigint]>([
    [1, 1n],
    [8888, 8888n],
    [Number(MAX_AMOUNT), MAX_AMOUNT],
    ['1', 1n],
    ['8888', 8888n],
    [MAX_AMOUNT.toString(), MAX_AMOUNT],
    [8888n, 8888n],
  ])('accepts %s → %s', (input, expected) => {
    expect(parseMinorUnits(input)).toBe(expected);
  });

  it.each<[string, unknown, InvalidAmountReason]>([
    ['-1', -1, 'NEGATIVE'],
    ['0', 0, 'ZERO'],
    ['-0', -0, 'ZERO'],
    ['1.5', 1.5, 'NOT_AN_INTEGER'],
    ['0.001', 0.001, 'NOT_AN_INTEGER'],
    ['1e309', JSON.parse('1e309'), 'NOT_A_NUMBER'],
    ['NaN', Number.NaN, 'NOT_A_NUMBER'],
    ['Infinity', Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'NOT_A_NUMBER'],
    ['2^53+1', 2 ** 53 + 1, 'UNSAFE_INTEGER'],
    ['2^63', 2 ** 63, 'UNSAFE_INTEGER'],
    ['MAX+1', Number(MAX_AMOUNT) + 1, 'TOO_LARGE'],
    ['null', null, 'WRONG_TYPE'],
    ['undefined', undefined, 'WRONG_TYPE'],
    ['true', true, 'WRONG_TYPE'],
    ['false', false, 'WRONG_TYPE'],
    ['[]', [], 'WRONG_TYPE'],
    ['[1]', [1], 'WRONG_TYPE'],
    ['{}', {}, 'WRONG_TYPE'],
    ['""', '', 'EMPTY'],
    ['"0"', '0', 'ZERO'],
    ['"-1"', '-1', 'NEGATIVE'],
    ['"+1"', '+1', 'SIGN'],
    ['"1.5"', '1.5', 'NOT_AN_INTEGER'],
    ['"1e3"', '1e3', 'MALFORMED'],
    ['"1e1"', '1e1', 'MALFORMED'],
    ['"NaN"', 'NaN', 'MALFORMED'],
    ['"Infinity"', 'Infinity', 'MALFORMED'],
    ['" 10 "', ' 10 ', 'WHITESPACE'],
    ['"10,00"', '10,00', 'MALFORMED'],
    ['"１"', '１', 'MALFORMED'],
    ['"١"', '١', 'MALFORMED'],
    ['"007"', '007', 'LEADING_ZERO'],
    ['"2^63"', '9223372036854775808', 'TOO_LARGE'],
    ['"MAX+1"', (MAX_AMOUNT + 1n).toString(), 'TOO_LARGE'],
    ['huge string', '9'.repeat(100_000), 'TOO_LARGE'],
    ['-1n', -1n, 'NEGATIVE'],
    ['0n', 0n, 'ZERO'],
    ['MAX+1n', MAX_AMOUNT + 1n, 'TOO_LARGE'],
  ])('rejects %s', (_label, input, reason) => {
    expect(reasonOf(() => parseMinorUnits(input))).toBe(reason);
  });

  it('accepts zero only when allowed', () => {
    expect(parseMinorUnits(0, { allowZero: true })).toBe(0n);
    expect(parseMinorUnits('0', { allowZero: true })).toBe(0n);
  });
});

describe('normalizeFullWidthDigits', () => {
  it.each<[string, string]>([
    ['８８．８８', '88.88'],
    ['０１２３４５６７８９', '0123456789'],
    ['88.88', '88.88'],
    ['１,０００', '1,000'],
    ['١', '١'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFullWidthDigits(input)).toBe(expected);
  });

  it('lets the UI accept full-width input explicitly', () => {
    expect(parseAmount(normalizeFullWidthDigits('８８．８８'), 'CNY')).toBe(8888n);
  });
});
