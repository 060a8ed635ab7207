import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { DEFAULT_CURRENCY, formatMoney } from '@/ledger';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { ActivityRow } from './activity-row';
import type { MonthTotals } from './month-groups';
import { shanghaiMonthRange } from './shanghai-time';

type Props = { month: string; items: OperationView[]; totals: MonthTotals | undefined };

/** A month's heading with what came in and went out (and, apart, what moved between your own accounts), then its rows. */
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
          <div className="flex flex-col items-end gap-0.5 text-sm text-gray-600 tabular" data-testid="month-totals">
            <p className="flex gap-3">
              <span data-testid="month-expense" data-amount={totals.expense.toString()}>
                {t('expense', { amount: money(totals.expense) })}
              </span>
              <span data-testid="month-income" data-amount={totals.income.toString()}>
                {t('income', { amount: money(totals.income) })}
              </span>
            </p>
            {(totals.toppedUp > 0n || totals.withdrawn > 0n) && (
              <p className="flex flex-wrap justify-end gap-x-3 text-gray-500" data-testid="month-own-accounts">
                <span className="sr-only">{t('ownAccountsHint')}</span>
                <span aria-hidden title={t('ownAccountsHint')}>
                  {t('ownAccounts')}
                </span>
                <span data-testid="month-topped-up" data-amount={totals.toppedUp.toString()}>
                  {t('toppedUp', { amount: money(totals.toppedUp) })}
                </span>
                <span data-testid="month-withdrawn" data-amount={totals.withdrawn.toString()}>
                  {t('withdrawn', { amount: money(totals.withdrawn) })}
                </span>
              </p>
            )}
          </div>
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
