// Fee revenue per Shanghai day: the posted postings to platform:revenue:fees (a credit is
// revenue, a debit — a fee given back — reduces it), split by the kind of entry that earned it.
// Every day of the range appears, zero when nothing was earned.
import 'server-only';
import { DEFAULT_CURRENCY, FEE_REVENUE_ACCOUNT, type Currency } from '@/ledger';
import type { Db } from '../../db';
import { shanghaiDate, startOfShanghaiDay } from '../../../lib/time/shanghai-day';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export const REVENUE_DAY_CHOICES = [7, 30, 90] as const;
export type RevenueDays = (typeof REVENUE_DAY_CHOICES)[number];

export type RevenueDay = { date: string; total: bigint; byKind: Record<string, bigint> };
export type FeeRevenue = {
  currency: Currency;
  days: RevenueDay[];
  total: bigint;
  byKind: Record<string, bigint>;
  from: Date;
  to: Date;
};

const DAY_MS = 86_400_000;

export async function getFeeRevenueByDay(
  db: Db,
  actorId: string,
  options: { days: RevenueDays; currency?: Currency; now?: Date },
): Promise<FeeRevenue> {
  await requireAdminOrThrow(db, actorId);
  const currency = options.currency ?? DEFAULT_CURRENCY;
  const to = new Date(startOfShanghaiDay(options.now ?? new Date()).getTime() + DAY_MS);
  const from = new Date(to.getTime() - options.days * DAY_MS);
  const rows = await db.$queryRaw<{ day: string; kind: string; amount: bigint }[]>`
    SELECT to_char(p.created_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD') AS day, e.kind, sum(p.amount)::bigint AS amount
    FROM ledger_accounts a
    JOIN ledger_postings p ON p.account_id = a.id
    JOIN journal_entries e ON e.id = p.entry_id
    WHERE a.code = ${FEE_REVENUE_ACCOUNT} AND a.currency = ${currency}
      AND NOT p.pending AND p.created_at >= ${from} AND p.created_at < ${to}
    GROUP BY 1, 2`;

  const days: RevenueDay[] = [];
  const index = new Map<string, RevenueDay>();
  for (let at = from.getTime(); at < to.getTime(); at += DAY_MS) {
    const day: RevenueDay = { date: shanghaiDate(new Date(at)), total: 0n, byKind: {} };
    days.push(day);
    index.set(day.date, day);
  }
  const byKind: Record<string, bigint> = {};
  let total = 0n;
  for (const row of rows) {
    const day = index.get(row.day);
    if (!day) continue;
    const amount = BigInt(row.amount);
    day.total += amount;
    day.byKind[row.kind] = (day.byKind[row.kind] ?? 0n) + amount;
    byKind[row.kind] = (byKind[row.kind] ?? 0n) + amount;
    total += amount;
  }
  return { currency, days, total, byKind, from, to };
}
