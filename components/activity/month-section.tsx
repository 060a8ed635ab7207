import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { DEFAULT_CURRENCY, formatMoney } from '@/ledger';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { ActivityRow } from './activity-row';
import type { MonthTotals } from './month-groups';
import { shanghaiMonthRange } from './shanghai-time';

type Props = { month: string; items: OperationView[]; totals: MonthTotals | undefined };

/** A month's heading with what came in and went out, then its rows. */
export function MonthSection({ month, items, totals }: Props) {
  const t = useTranslations('activity');
  const format = useFormatter();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const money = (amount: bigint) => formatMoney({ amount, currency: DEFAULT_CURRENCY }, locale);
  const headingId = `month-${month}`;
  return (
    <section aria-labelledby={headingId} data-testid="activity-month" data-month={month}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-gray-100 pb-2">
        <h2 id={headingId} className="font-semibold text-gray-900">
          {format.dateTime(shanghaiMonthRange(month).from, { year: 'numeric', month: 'long' })}
        </h2>
        {totals && (
          <p className="flex gap-3 text-sm text-gray-600 tabular" data-testid="month-totals">
            <span>{t('expense', { amount: money(totals.expense) })}</span>
            <span>{t('income', { amount: money(totals.income) })}</span>
          </p>
        )}
      </div>
      <ul className="mt-1 divide-y divide-gray-100">
        {items.map((item) => (
          <ActivityRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
