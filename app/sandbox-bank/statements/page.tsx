import { getLocale, getTranslations } from 'next-intl/server';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { Download } from 'lucide-react';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { RESERVE_ACCOUNT_NUMBER } from '@/sandbox-bank/seed-accounts';
import { reserveStatement } from '@/sandbox-bank/statements/reserve-statement';
import { isCalendarDate, shanghaiDate } from '@/sandbox-bank/time/shanghai-time';
import { bankMoney } from '@/sandbox-bank/ui/format';
import { MovementList } from '@/sandbox-bank/ui/movement-list';
import { PageTitle } from '@/sandbox-bank/ui/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.statements'))('title'));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatementsPage({ searchParams }: Props) {
  const requested = (await searchParams).date;
  const date = typeof requested === 'string' && isCalendarDate(requested) ? requested : shanghaiDate(new Date());
  const t = await getTranslations('sandboxBank.statements');
  const locale = await getLocale();
  const statement = await reserveStatement(sandboxBankPool(), date);

  return (
    <>
      <PageTitle title={t('title')} intro={t('intro', { account: RESERVE_ACCOUNT_NUMBER })} />
      <form method="get" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="statement-date" className="text-sm font-semibold text-gray-700">
            {t('date')}
          </label>
          <input
            id="statement-date"
            name="date"
            type="date"
            defaultValue={date}
            required
            className="min-h-11 rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-teal-700 px-4 font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        >
          {t('show')}
        </button>
        <a
          href={`/sandbox-bank/statements/csv?date=${date}`}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-800 hover:bg-gray-50"
          data-testid="statement-csv-link"
          download
        >
          <Download aria-hidden className="size-4" />
          {t('downloadCsv')}
        </a>
      </form>
      <dl className="mb-6 grid grid-cols-2 gap-3">
        <div className="rounded-2xl border border-gray-200/70 bg-white p-4 shadow-sm">
          <dt className="text-sm text-gray-600">{t('opening')}</dt>
          <dd className="text-xl font-semibold text-gray-900 tabular" data-testid="statement-opening">
            {bankMoney(statement.openingBalance, locale)}
          </dd>
        </div>
        <div className="rounded-2xl border border-gray-200/70 bg-white p-4 shadow-sm">
          <dt className="text-sm text-gray-600">{t('closing')}</dt>
          <dd className="text-xl font-semibold text-gray-900 tabular" data-testid="statement-closing">
            {bankMoney(statement.closingBalance, locale)}
          </dd>
        </div>
      </dl>
      <h2 className="text-lg font-semibold text-gray-900">{t('lines')}</h2>
      <p className="mb-3 text-sm text-gray-600">{t('count', { count: statement.lines.length })}</p>
      <MovementList movements={statement.movements} emptyText={t('empty')} />
    </>
  );
}
