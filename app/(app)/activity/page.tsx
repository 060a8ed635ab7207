import { SearchX } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import {
  activityHref,
  hasFilters,
  parseActivityQuery,
  toActivityFilter,
  type SearchParams,
} from '@/components/activity/activity-query';
import { ExportForm } from '@/components/activity/export-form';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { loadMonthTotals } from '@/app/(app)/activity/load-month-totals';
import { groupByMonth } from '@/components/activity/month-groups';
import { MonthSection } from '@/components/activity/month-section';
import { shanghaiDay } from '@/components/activity/shanghai-time';
import { ActivityEmpty } from '@/components/home/activity-empty';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { listActivity, type ActivityPage } from '@/server/wallet/activity/list-activity';
import { InvalidInputError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('activity'))('title') };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const t = await getTranslations('activity');
  const { query, errors } = parseActivityQuery(await searchParams);

  let page: ActivityPage;
  try {
    page = await listActivity(db(), user.id, toActivityFilter(query), { cursor: query.cursor });
  } catch (error) {
    // A cursor we did not write: start from the newest rather than fail.
    if (error instanceof InvalidInputError) redirect(activityHref({ ...query, cursor: undefined }));
    throw error;
  }
  const groups = groupByMonth(page.items);
  const totals = await loadMonthTotals(
    db(),
    user.id,
    query,
    groups.map((g) => g.month),
  );
  const today = shanghaiDay(new Date());

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card className="p-4 md:p-5">
        <ActivityFilters query={query} errors={errors} />
      </Card>
      <Card className="p-4 md:p-5" data-testid="activity-list">
        {groups.length === 0 ? (
          hasFilters(query) ? (
            <div
              className="flex flex-col items-center gap-2 py-8 text-center text-gray-500"
              data-testid="activity-no-match"
            >
              <SearchX aria-hidden className="size-10 text-gray-300" />
              <p className="font-semibold text-gray-600">{t('noMatch')}</p>
              <p className="text-sm">{t('noMatchHint')}</p>
            </div>
          ) : (
            <ActivityEmpty />
          )
        ) : (
          <div className="flex flex-col gap-4">
            {groups.map((group) => (
              <MonthSection
                key={group.month}
                month={group.month}
                items={group.items}
                totals={totals.get(group.month)}
              />
            ))}
          </div>
        )}
        {(page.nextCursor || query.cursor) && (
          <div className="mt-3 flex justify-center gap-2">
            {query.cursor && (
              <Link
                href={activityHref({ ...query, cursor: undefined })}
                className={buttonVariants({ variant: 'ghost' })}
              >
                {t('backToLatest')}
              </Link>
            )}
            {page.nextCursor && (
              <Link
                href={activityHref(query, page.nextCursor)}
                className={buttonVariants({ variant: 'secondary' })}
                data-testid="load-more"
              >
                {t('loadMore')}
              </Link>
            )}
          </div>
        )}
      </Card>
      <Card className="p-4 md:p-5">
        <ExportForm defaultFrom={`${today.slice(0, 8)}01`} defaultTo={today} />
      </Card>
    </div>
  );
}
