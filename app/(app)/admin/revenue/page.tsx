import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatMoney } from '@/ledger';
import { firstParam, hrefWith, type SearchParams } from '@/components/admin/href-with';
import { RevenueChart } from '@/components/admin/revenue/revenue-chart';
import { SectionCard } from '@/components/admin/section-card';
import { Amount } from '@/components/money/amount';
import { cn } from '@/components/ui/cn';
import {
  getFeeRevenueByDay,
  REVENUE_DAY_CHOICES,
  type RevenueDays,
} from '@/server/admin/revenue/get-fee-revenue-by-day';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminRevenue'))('title') };
}

export default async function AdminRevenuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminRevenue');
  const kindsT = await getTranslations('adminEntries.kinds');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const rawDays = Number(firstParam((await searchParams).days));
  const days: RevenueDays = (REVENUE_DAY_CHOICES as readonly number[]).includes(rawDays)
    ? (rawDays as RevenueDays)
    : 30;
  const revenue = await getFeeRevenueByDay(db(), admin.id, { days });
  const money = (amount: bigint) => formatMoney({ amount, currency: revenue.currency }, locale);
  const best = revenue.days.reduce((max, d) => (d.total > max.total ? d : max), revenue.days[0]!);
  const first = revenue.days[0]!.date;
  const last = revenue.days.at(-1)!.date;
  const earningDays = revenue.days.filter((d) => d.total !== 0n).reverse();
  const kinds = Object.entries(revenue.byKind).sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
      </div>
      <nav aria-label={t('range')}>
        <ul className="flex flex-wrap gap-1.5">
          {REVENUE_DAY_CHOICES.map((choice) => (
            <li key={choice}>
              <Link
                href={hrefWith('/admin/revenue', { days: choice === 30 ? undefined : choice })}
                aria-current={choice === days ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium',
                  choice === days ? 'bg-gray-900 text-white' : 'text-gray-700 hover:bg-gray-100',
                )}
              >
                {t(`ranges.${choice}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <SectionCard title={t('total')} data-testid="revenue-total">
          <p className="text-2xl font-semibold text-gray-900">
            <Amount amount={revenue.total} currency={revenue.currency} />
          </p>
          {kinds.length > 0 && (
            <>
              <h3 className="sr-only">{t('byKind')}</h3>
              <dl className="mt-3 flex flex-col gap-1 text-sm">
                {kinds.map(([kind, amount]) => (
                  <div key={kind} className="flex justify-between gap-3">
                    <dt className="text-gray-600">{kindsT.has(kind) ? kindsT(kind as 'PAYMENT') : kind}</dt>
                    <dd>
                      <Amount amount={amount} currency={revenue.currency} />
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </SectionCard>
        <SectionCard className="lg:col-span-2">
          <figure className="flex flex-col gap-2">
            <figcaption>
              <h2 className="font-semibold text-gray-900">{t('chartTitle')}</h2>
              <p className="text-sm text-gray-600 tabular" data-testid="revenue-summary">
                {revenue.total === 0n
                  ? t('summaryZero', { from: first, to: last })
                  : t('summary', {
                      from: first,
                      to: last,
                      total: money(revenue.total),
                      max: money(best.total),
                      maxDate: best.date,
                    })}
              </p>
            </figcaption>
            <RevenueChart
              points={revenue.days.map((d) => ({ date: d.date, minor: d.total.toString(), label: money(d.total) }))}
            />
          </figure>
        </SectionCard>
      </div>
      <SectionCard title={t('daily')} data-testid="revenue-days">
        {earningDays.length === 0 ? (
          <p className="text-sm text-gray-500">{t('noRevenue')}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-gray-500">{t('onlyNonZero')}</p>
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-gray-200 text-gray-600">
                  <th scope="col" className="py-2 text-left font-semibold">
                    {t('date')}
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    {t('amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {earningDays.map((d) => (
                  <tr key={d.date} className="border-b border-gray-100 last:border-b-0">
                    <td className="py-2 tabular">{d.date}</td>
                    <td className="py-2 text-right">
                      <Amount amount={d.total} currency={revenue.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </SectionCard>
    </div>
  );
}
