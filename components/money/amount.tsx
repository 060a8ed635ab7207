import { useLocale } from 'next-intl';
import { formatMoney, type Currency } from '@/ledger';
import { cn } from '@/components/ui/cn';

type Props = { amount: bigint; currency: Currency; signed?: boolean; className?: string; hidden?: boolean };

/** An amount as data: tabular figures, sign for direction, formatted in one place. */
export function Amount({ amount, currency, signed, className, hidden }: Props) {
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  return (
    <span
      className={cn('tabular whitespace-nowrap', signed && amount > 0n && 'text-income', className)}
      data-amount={amount.toString()}
    >
      {hidden ? '****' : formatMoney({ amount, currency }, locale, { signed })}
    </span>
  );
}
