// Activity rows grouped by Shanghai month, and what a month brought in and took out.
import { shanghaiMonth } from './shanghai-time';

export type MonthGroup<T> = { month: string; items: T[] };

/** Consecutive items of the same month together, in the order given (newest first). */
export function groupByMonth<T extends { createdAt: Date }>(items: T[]): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of items) {
    const month = shanghaiMonth(item.createdAt);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

/**
 * What a month brought in and took out, Alipay 账单 style: 收入 / 支出 is money from and to other
 * people and shops; money moved between the person's own bank card and wallet (top-ups, money a
 * bank paid for an order that could no longer be paid, withdrawals, payouts) is counted apart
 * (不计收支), not as income or spending. Each total is the sum of its rows' shown amounts, fees
 * included (a withdrawal's row reads −(amount + fee), so does the 提现 total).
 */
export type MonthTotals = { income: bigint; expense: bigint; toppedUp: bigint; withdrawn: bigint };

export const EMPTY_MONTH_TOTALS: MonthTotals = Object.freeze({ income: 0n, expense: 0n, toppedUp: 0n, withdrawn: 0n });

type Countable = { kind: string; status: string; total: bigint; creditedToBalance: boolean };

/** Only money that moved counts: succeeded operations. */
export function addToTotals(totals: MonthTotals, items: Countable[]): MonthTotals {
  let { income, expense, toppedUp, withdrawn } = totals;
  for (const item of items) {
    if (item.status !== 'SUCCEEDED') continue;
    if (item.kind === 'TOP_UP' || (item.kind === 'PAYMENT' && item.creditedToBalance)) toppedUp += item.total;
    else if (item.kind === 'WITHDRAWAL' || item.kind === 'PAYOUT') withdrawn += -item.total;
    else if (item.total > 0n) income += item.total;
    else expense += -item.total;
  }
  return { income, expense, toppedUp, withdrawn };
}
