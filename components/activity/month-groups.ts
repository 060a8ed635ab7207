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

export type MonthTotals = { income: bigint; expense: bigint };

type Countable = { amount: bigint; fee: bigint; status: string };

/**
 * Only money that moved counts: succeeded operations. Expense includes fees (a withdrawal
 * takes amount + fee from the balance), so it equals what left the wallet.
 */
export function addToTotals(totals: MonthTotals, items: Countable[]): MonthTotals {
  let { income, expense } = totals;
  for (const item of items) {
    if (item.status !== 'SUCCEEDED') continue;
    if (item.amount > 0n) income += item.amount;
    else expense += -item.amount;
    expense += item.fee;
  }
  return { income, expense };
}
