// Month totals cover the whole month (within the filters), not only the rows on screen, so
// a month split across two pages shows the same totals on both. Read through listActivity,
// the one place that knows which operations a person may see.
import type { Db } from '@/server/db';
import { listActivity } from '@/server/wallet/activity/list-activity';
import type { ActivityQuery } from '../../../components/activity/activity-query';
import { toActivityFilter } from '../../../components/activity/activity-query';
import { EMPTY_MONTH_TOTALS, addToTotals, type MonthTotals } from '../../../components/activity/month-groups';
import { shanghaiMonthRange } from '../../../components/activity/shanghai-time';

// A person's month is at most a few hundred operations; this bounds a pathological one.
const MAX_PAGES = 50;

export async function loadMonthTotals(
  db: Db,
  viewerId: string,
  query: ActivityQuery,
  months: string[],
): Promise<Map<string, MonthTotals>> {
  const totals = new Map<string, MonthTotals>();
  // Only succeeded operations move money; filtering on another status leaves nothing to add.
  if (query.status && query.status !== 'SUCCEEDED') return totals;
  const filter = toActivityFilter(query);
  await Promise.all(
    months.map(async (month) => {
      const range = shanghaiMonthRange(month);
      const from = filter.from && filter.from > range.from ? filter.from : range.from;
      const to = filter.to && filter.to < range.to ? filter.to : range.to;
      let sum: MonthTotals = EMPTY_MONTH_TOTALS;
      let cursor: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await listActivity(
          db,
          viewerId,
          { kind: filter.kind, status: 'SUCCEEDED', from, to },
          { cursor, limit: 100 },
        );
        sum = addToTotals(sum, page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      totals.set(month, sum);
    }),
  );
  return totals;
}
