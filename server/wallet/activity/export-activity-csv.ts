// CSV export of a date range of the activity (Shanghai days, inclusive), newest first.
import 'server-only';
import { formatAmountPlain, type Currency } from '@/ledger';
import type { Db } from '../../db';
import { InvalidInputError } from '../../core/domain-errors';
import { shanghaiDayStart } from '../../../lib/time/shanghai-day';
import { CSV_BOM, csvCell, csvLine } from './csv';
import { listActivity } from './list-activity';

/** Longest range one export covers. */
export const MAX_EXPORT_DAYS = 366;
const MAX_ROWS = 50_000;

const HEADER = [
  '时间 Time',
  '类型 Type',
  '状态 Status',
  '金额（元）Amount',
  '手续费（元）Fee',
  '对方 Counterparty',
  '备注 Memo',
  '编号 Reference',
];

export async function exportActivityCsv(db: Db, viewerId: string, fromDate: string, toDate: string): Promise<string> {
  const from = shanghaiDayStart(fromDate);
  const toStart = shanghaiDayStart(toDate);
  if (!from) throw new InvalidInputError('from', 'from must be a date YYYY-MM-DD');
  if (!toStart) throw new InvalidInputError('to', 'to must be a date YYYY-MM-DD');
  const to = new Date(toStart.getTime() + 86_400_000);
  if (to <= from) throw new InvalidInputError('to', 'to must not be before from');
  if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000)
    throw new InvalidInputError('to', `at most ${MAX_EXPORT_DAYS} days`);

  let out = CSV_BOM + csvLine(HEADER.map((h) => csvCell(h)));
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listActivity(db, viewerId, { from, to }, { cursor, limit: 100 });
    for (const item of page.items) {
      out += csvLine([
        csvCell(formatShanghai(item.createdAt)),
        csvCell(item.kind),
        csvCell(item.status),
        csvCell(formatAmountPlain(item.amount, item.currency as Currency), { numeric: true }),
        csvCell(formatAmountPlain(item.fee, item.currency as Currency), { numeric: true }),
        csvCell(item.counterparty),
        csvCell(item.memo),
        csvCell(item.id),
      ]);
    }
    rows += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows < MAX_ROWS);
  return out;
}

function formatShanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}
