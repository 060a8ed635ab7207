// The one place money becomes text. Exact: the bigint is turned into a decimal
// string and handed to Intl.NumberFormat as a string (Intl.NumberFormat v3:
// Node 20, current browsers), so no float ever touches the value.
// Even an engine that coerced the string to a double would print every amount up
// to MAX_AMOUNT exactly (at most 15 significant digits).
import { type Currency, type Money, currencyDigits } from './money';

export type MoneyLocale = 'zh-CN' | 'en';

export type FormatMoneyOptions = {
  /** Show "+" on positive amounts (statement lines); zero stays unsigned. */
  signed?: boolean | undefined;
};

// Intl.NumberFormat accepts decimal strings; older TS libs only declare number | bigint.
type DecimalFormatter = { format(value: string): string };

const formatters = new Map<string, DecimalFormatter>();

function formatterFor(locale: MoneyLocale, currency: Currency, signed: boolean): DecimalFormatter {
  const key = `${locale}|${currency}|${signed ? 1 : 0}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const digits = currencyDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      signDisplay: signed ? 'exceptZero' : 'auto',
      // Pin to our table so Intl's own currency data can never round or pad differently.
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }) as unknown as DecimalFormatter;
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "¥1,234.50", "+¥12.30" (signed), "-¥962.00". */
export function formatMoney(value: Money, locale: MoneyLocale, options: FormatMoneyOptions = {}): string {
  return formatterFor(locale, value.currency, options.signed === true).format(
    formatAmountPlain(value.amount, value.currency),
  );
}

/** "1234.50", "-962.00", "1234" (JPY): no symbol, no grouping; for inputs and CSV. */
export function formatAmountPlain(amount: bigint, currency: Currency): string {
  const digits = currencyDigits(currency);
  const negative = amount < 0n;
  const text = (negative ? -amount : amount).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}
