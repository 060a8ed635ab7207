// Money and time as the bank's pages show them: ¥ with two decimals, times on a Shanghai clock.
// The bank formats its own money (it shares no code with the wallet): the fen are turned
// into a decimal string, so no float touches the amount.
import { formatShanghaiDateTime } from '../time/shanghai-time';

type DecimalFormatter = { format(value: string): string };

const formatters = new Map<string, DecimalFormatter>();

function formatterFor(locale: 'zh-CN' | 'en', signed: boolean): DecimalFormatter {
  const key = `${locale}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      signDisplay: signed ? 'exceptZero' : 'auto',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }) as unknown as DecimalFormatter;
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "¥1,234.50", "+¥12.30" (signed), "-¥962.00" for an amount in fen. */
export function bankMoney(amount: bigint, locale: string, signed = false): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(3, '0');
  const decimal = `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return formatterFor(locale === 'en' ? 'en' : 'zh-CN', signed).format(decimal);
}

export { formatShanghaiDateTime };
