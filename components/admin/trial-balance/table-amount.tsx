import { useLocale } from 'next-intl';
import { formatAmountPlain, type Currency } from '@/ledger';
import { cn } from '@/components/ui/cn';

// Grouped digits with the currency's decimals, no symbol (the column header names the unit).
const formatters = new Map<string, { format(value: string): string }>();

export function formatTableAmount(amount: bigint, currency: Currency, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = formatAmountPlain(0n, currency).split('.')[1]?.length ?? 0;
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }) as unknown as {
      format(value: string): string;
    };
    formatters.set(key, f);
  }
  return f.format(formatAmountPlain(amount, currency));
}

/** An amount in a debit / credit column: empty when zero, as ledgers print it. */
export function TableAmount({
  amount,
  currency,
  className,
  testId,
}: {
  amount: bigint;
  currency: Currency;
  className?: string;
  testId?: string;
}) {
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  return (
    <span className={cn('tabular whitespace-nowrap', className)} data-amount={amount.toString()} data-testid={testId}>
      {amount === 0n ? '' : formatTableAmount(amount, currency, locale)}
    </span>
  );
}
