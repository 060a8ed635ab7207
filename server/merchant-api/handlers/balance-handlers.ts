// GET /balance, GET /balance_transactions, GET /bills/{date}.
import { getMerchantBalance } from '../../merchants/get-merchant-balance';
import { dailyBillCsv } from '../../merchants/daily-bill';
import { jsonAnswer } from '../api-answer';
import type { ApiAnswer } from '../idempotency';
import { listBalanceTransactions } from '../list-balance-transactions';
import type { GetContext } from '../merchant-api-route';
import { parseInputOrThrow } from '../parse-input-or-throw';
import { BillDate, LIST_DEFAULT_LIMIT, ListQuery } from '../schemas';

export async function balanceHandler({ deps, merchant }: GetContext): Promise<ApiAnswer> {
  const balance = await getMerchantBalance(deps.db, merchant.id);
  return jsonAnswer(200, {
    object: 'balance',
    currency: balance.currency,
    available: Number(balance.available),
    pending: Number(balance.onHold),
    posted: Number(balance.posted),
  });
}

export async function balanceTransactionsHandler({ deps, merchant, url }: GetContext): Promise<ApiAnswer> {
  const query = parseInputOrThrow(ListQuery, Object.fromEntries(url.searchParams));
  const page = await listBalanceTransactions(deps.db, merchant.id, {
    limit: query.limit ?? LIST_DEFAULT_LIMIT,
    cursor: query.starting_after,
  });
  return jsonAnswer(200, { object: 'list', data: page.data, has_more: page.hasMore, next_cursor: page.nextCursor });
}

export async function dailyBillHandler({ deps, merchant }: GetContext, date: string): Promise<ApiAnswer> {
  const day = parseInputOrThrow(BillDate, date, 'date');
  const csv = await dailyBillCsv(deps.db, merchant.id, day);
  return { status: 200, body: csv, contentType: 'text/csv; charset=utf-8', filename: `bill-${day}.csv` };
}
