// Money is an exact integer of minor units (fen, cents) plus an ISO 4217 code.
// Never a float: every amount in the ledger is a bigint.
import { CurrencyMismatchError, UnsupportedCurrencyError } from './errors';

/** Minor-unit digits per supported ISO 4217 currency (JPY has no minor unit). */
const CURRENCY_DIGITS = {
  CNY: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  JPY: 0,
} as const;

export type Currency = keyof typeof CURRENCY_DIGITS;

export const CURRENCIES = Object.freeze(Object.keys(CURRENCY_DIGITS) as Currency[]);

export const DEFAULT_CURRENCY: Currency = 'CNY';

/**
 * Largest amount, in minor units, that a single operation or posting may carry:
 * 10^15 (¥10 trillion in fen). It is below 2^53, so it survives a JSON number
 * exactly, and far below Postgres BIGINT (~9.2 × 10^18), so sums of many such
 * amounts cannot overflow. Business limits (per-payment caps) are lower and live
 * in server config; this is the hard sanity bound.
 */
export const MAX_AMOUNT = 10n ** 15n;

export type Money = { readonly amount: bigint; readonly currency: Currency };

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_DIGITS, value);
}

/** For boundaries: returns the currency or throws UnsupportedCurrencyError. */
export function parseCurrency(value: unknown): Currency {
  if (!isCurrency(value)) throw new UnsupportedCurrencyError(value);
  return value;
}

export function currencyDigits(currency: Currency): number {
  if (!isCurrency(currency)) throw new UnsupportedCurrencyError(currency);
  return CURRENCY_DIGITS[currency];
}

export function money(amount: bigint, currency: Currency): Money {
  // Runtime guard: a `number` sneaking in through `any` would defeat exactness.
  if (typeof amount !== 'bigint') throw new TypeError('Money amount must be a bigint');
  if (!isCurrency(currency)) throw new UnsupportedCurrencyError(currency);
  return Object.freeze({ amount, currency });
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}
