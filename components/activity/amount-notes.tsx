import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatMoney, type Currency } from '@/ledger';
import { endedQuietly } from '@/lib/activity/operation-outcome';
import { cn } from '@/components/ui/cn';
import type { OperationView } from '@/server/wallet/activity/operation-view';

type Noted = Pick<OperationView, 'outcome' | 'amount' | 'fee' | 'refundedAmount' | 'currency'>;
type Props = {
  operation: Noted;
  className?: string;
  /** Fee and amount received on two lines (list rows: in the home card even a wide screen leaves them little room). */
  stack?: boolean;
};

/**
 * The line under an amount that explains it: "含手续费 ¥0.10 · 到账 ¥20.00" when a fee was taken
 * on top, "已退款 ¥44.44" / "已全额退款" when the shop gave (part of) a payment back.
 */
export function AmountNotes({ operation, className, stack }: Props) {
  const t = useTranslations('activity');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const currency = operation.currency as Currency;
  const money = (amount: bigint) => formatMoney({ amount, currency }, locale);
  const size = operation.amount < 0n ? -operation.amount : operation.amount;
  const notes: { key: string; text: ReactNode }[] = [];
  if (operation.fee > 0n && !endedQuietly(operation.outcome))
    notes.push({
      key: 'fee',
      text: (
        <span className={cn('inline-flex flex-wrap justify-center', stack && 'flex-col items-end')}>
          <span>{t('feeIncluded', { fee: money(operation.fee) })}</span>
          <span className={cn('whitespace-pre', stack && 'hidden')}> · </span>
          <span>{t('received', { received: money(size) })}</span>
        </span>
      ),
    });
  if (operation.refundedAmount > 0n)
    notes.push({
      key: 'refund',
      text:
        operation.refundedAmount >= size
          ? t('refundedAll')
          : t('refundedPart', { amount: money(operation.refundedAmount) }),
    });
  if (notes.length === 0) return null;
  return (
    <span className={cn('flex flex-col text-xs text-gray-500 tabular', className)}>
      {notes.map((note) => (
        <span key={note.key} data-testid={`amount-note-${note.key}`}>
          {note.text}
        </span>
      ))}
    </span>
  );
}
