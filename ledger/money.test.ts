import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError, UnsupportedCurrencyError } from './errors';
import { type Currency, addMoney, currencyDigits, isCurrency, money, parseCurrency, subtractMoney } from './money';

describe('currencies', () => {
  it.each<[Currency, number]>([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['HKD', 2],
    ['JPY', 0],
  ])('%s has %i minor-unit digits', (currency, digits) => {
    expect(isCurrency(currency)).toBe(true);
    expect(currencyDigits(currency)).toBe(digits);
  });

  it.each<[unknown]>([['cny'], ['XXX'], [''], ['toString'], ['__proto__'], [null], [1], [{}]])(
    '%s is not a currency',
    (value) => {
      expect(isCurrency(value)).toBe(false);
      expect(() => parseCurrency(value)).toThrow(UnsupportedCurrencyError);
    },
  );
});

describe('money arithmetic', () => {
  it.each<[bigint, bigint, bigint, bigint]>([
    [100n, 23n, 123n, 77n],
    [0n, 0n, 0n, 0n],
    [5n, 10n, 15n, -5n],
    [2n ** 62n, 2n ** 62n, 2n ** 63n, 0n],
  ])('%s and %s', (a, b, sum, difference) => {
    expect(addMoney(money(a, 'CNY'), money(b, 'CNY'))).toEqual({ amount: sum, currency: 'CNY' });
    expect(subtractMoney(money(a, 'CNY'), money(b, 'CNY'))).toEqual({ amount: difference, currency: 'CNY' });
  });

  it.each<[Currency, Currency]>([
    ['CNY', 'USD'],
    ['USD', 'JPY'],
  ])('refuses to mix %s with %s', (a, b) => {
    expect(() => addMoney(money(1n, a), money(1n, b))).toThrow(CurrencyMismatchError);
    expect(() => subtractMoney(money(1n, a), money(1n, b))).toThrow(CurrencyMismatchError);
  });

  it('refuses a number amount smuggled past the types', () => {
    expect(() => money(1 as unknown as bigint, 'CNY')).toThrow(TypeError);
    expect(() => money(1n, 'XXX' as Currency)).toThrow(UnsupportedCurrencyError);
  });

  it('returns frozen values', () => {
    expect(Object.isFrozen(money(1n, 'CNY'))).toBe(true);
  });
});
