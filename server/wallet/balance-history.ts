// The wallet's posted balance at the end of each of the last N Shanghai days, for the home
// chart: one index probe per day on (account_id, account_seq), using the running balance
// each posting carries.
import 'server-only';
import { DEFAULT_CURRENCY, userWalletCode, type Currency } from '@/ledger';
import type { Db } from '../db';
import { shanghaiDate, startOfShanghaiDay } from '../../lib/time/shanghai-day';

export type BalancePoint = { date: string; balance: bigint };

export async function getBalanceHistory(
  db: Db,
  userId: string,
  days = 30,
  currency: Currency = DEFAULT_CURRENCY,
): Promise<BalancePoint[]> {
  const tomorrow = startOfShanghaiDay(new Date()).getTime() + 86_400_000;
  const ends = Array.from({ length: days }, (_, i) => new Date(tomorrow - (days - 1 - i) * 86_400_000));
  const rows = await db.$queryRaw<{ n: bigint; balance: bigint | null }[]>`
    SELECT d.n, (
      SELECT p.balance_after FROM ledger_postings p
      WHERE p.account_id = a.id AND p.account_seq IS NOT NULL AND p.created_at < d.day_end
      ORDER BY p.account_seq DESC LIMIT 1
    ) AS balance
    FROM unnest(${ends}::timestamptz[]) WITH ORDINALITY AS d(day_end, n)
    LEFT JOIN ledger_accounts a ON a.code = ${userWalletCode(userId)} AND a.currency = ${currency}
    ORDER BY d.n`;
  return rows.map((row, i) => ({ date: shanghaiDate(new Date(ends[i]!.getTime() - 1)), balance: row.balance ?? 0n }));
}
