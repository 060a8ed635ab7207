// Fen as text, exactly: the bigint becomes a decimal string that Intl.NumberFormat formats
// as a string (Intl.NumberFormat v3), so no float ever touches the amount.
type DecimalFormatter = { format(value: string): string };

const formatters = new Map<string, DecimalFormatter>();

function formatter(locale: 'zh-CN' | 'en'): DecimalFormatter {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }) as unknown as DecimalFormatter;
    formatters.set(locale, f);
  }
  return f;
}

/** 6800n → "68.00"; no symbol, no grouping. */
export function fenToDecimal(fen: bigint): string {
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 123450n → "¥1,234.50" in zh-CN and en. */
export function formatFen(fen: bigint, locale: string): string {
  return formatter(locale === 'en' ? 'en' : 'zh-CN').format(fenToDecimal(fen));
}
