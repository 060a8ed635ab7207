import { useLocale, useTranslations } from 'next-intl';
import { formatMoney, type Currency } from '@/ledger';
import { endedQuietly } from '@/lib/activity/operation-outcome';
import { cn } from '@/components/ui/cn';
import type { OperationView } from '@/server/wallet/activity/operation-view';

type Noted = Pick<OperationView, 'outcome' | 'amount' | 'fee' | 'refundedAmount' | 'currency'>;

/**
 * The line under an amount that explains it: "含手续费 ¥0.10 · 到账 ¥20.00" when a fee was taken
 * on top, "已退款 ¥44.44" / "已全额退款" when the shop gave (part of) a payment back.
 */
export function AmountNotes({ operation, className }: { operation: Noted; className?: string }) {
  const t = useTranslations('activity');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const currency = operation.currency as Currency;
  const money = (amount: bigint) => formatMoney({ amount, currency }, locale);
  const size = operation.amount < 0n ? -operation.amount : operation.amount;
  const notes: { key: string; text: string }[] = [];
  if (operation.fee > 0n && !endedQuietly(operation.outcome))
    notes.push({ key: 'fee', text: t('feeNote', { fee: money(operation.fee), received: money(size) }) });
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
