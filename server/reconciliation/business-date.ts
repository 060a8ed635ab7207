// A reconciliation covers one Asia/Shanghai calendar day, like the bank's statement.
import { shanghaiDate, shanghaiDayStart } from '../../lib/time/shanghai-day';
import { InvalidBusinessDateError } from './reconciliation-errors';

const DAY_MS = 86_400_000;

export type BusinessDay = { date: string; start: Date; end: Date };

/** Throws InvalidBusinessDateError for anything but YYYY-MM-DD of today or earlier (Shanghai). */
export function businessDayOrThrow(date: string, now = new Date()): BusinessDay {
  const start = typeof date === 'string' ? shanghaiDayStart(date) : null;
  if (!start || date > shanghaiDate(now)) throw new InvalidBusinessDateError(String(date));
  return { date, start, end: new Date(start.getTime() + DAY_MS) };
}

/** The Shanghai day before the one containing `now` (what the daily job reconciles). */
export function previousBusinessDate(now = new Date()): string {
  return shanghaiDate(new Date(now.getTime() - DAY_MS));
}

export function todayBusinessDate(now = new Date()): string {
  return shanghaiDate(now);
}
