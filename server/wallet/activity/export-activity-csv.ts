// CSV export of a date range of the activity (Shanghai days, inclusive), newest first, in the
// person's language: types and statuses as words (充值 / 已取消), not codes, and each row's
// amount as the list shows it (a withdrawal's fee included), so the file adds up like the page.
import 'server-only';
import { formatAmountPlain, type Currency } from '@/ledger';
import type { Db } from '../../db';
import { InvalidInputError } from '../../core/domain-errors';
import { shanghaiDayStart } from '../../../lib/time/shanghai-day';
import { CSV_BOM, csvCell, csvLine } from './csv';
import { listActivity } from './list-activity';
import type { ActivityKind } from './operation-view';
import type { OperationOutcome } from '../../../lib/activity/operation-outcome';
import { endedQuietly } from '../../../lib/activity/operation-outcome';

/** Longest range one export covers. */
export const MAX_EXPORT_DAYS = 366;
const MAX_ROWS = 50_000;

/** The words of the file, from the caller's translations. */
export type CsvLabels = {
  header: {
    time: string;
    kind: string;
    status: string;
    amount: string;
    fee: string;
    principal: string;
    counterparty: string;
    memo: string;
    reference: string;
  };
  kind: (kind: ActivityKind) => string;
  status: (outcome: OperationOutcome) => string;
};

export async function exportActivityCsv(
  db: Db,
  viewerId: string,
  fromDate: string,
  toDate: string,
  labels: CsvLabels,
): Promise<string> {
  const from = shanghaiDayStart(fromDate);
  const toStart = shanghaiDayStart(toDate);
  if (!from) throw new InvalidInputError('from', 'from must be a date YYYY-MM-DD');
  if (!toStart) throw new InvalidInputError('to', 'to must be a date YYYY-MM-DD');
  const to = new Date(toStart.getTime() + 86_400_000);
  if (to <= from) throw new InvalidInputError('to', 'to must not be before from');
  if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000)
    throw new InvalidInputError('to', `at most ${MAX_EXPORT_DAYS} days`);

  const h = labels.header;
  const header = [h.time, h.kind, h.status, h.amount, h.fee, h.principal, h.counterparty, h.memo, h.reference];
  let out = CSV_BOM + csvLine(header.map((cell) => csvCell(cell)));
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listActivity(db, viewerId, { from, to }, { cursor, limit: 100 });
    for (const item of page.items) {
      const currency = item.currency as Currency;
      const principal = item.amount < 0n ? -item.amount : item.amount;
      // As on the page: signed with the fee; cancelled or closed moved nothing, so no sign.
      const shown = endedQuietly(item.outcome) ? principal : item.total;
      out += csvLine([
        csvCell(formatShanghai(item.createdAt)),
        csvCell(labels.kind(item.kind)),
        csvCell(labels.status(item.outcome)),
        csvCell(formatAmountPlain(shown, currency), { numeric: true }),
        csvCell(formatAmountPlain(item.fee, currency), { numeric: true }),
        csvCell(formatAmountPlain(principal, currency), { numeric: true }),
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
