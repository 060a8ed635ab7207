// Days of the product are Asia/Shanghai days (UTC+8, no daylight saving): limits, statements
// and CSV ranges count from Shanghai midnight.
const OFFSET_MS = 8 * 3600 * 1000;

/** The instant Shanghai's day containing `at` began. */
export function startOfShanghaiDay(at: Date): Date {
  const shifted = at.getTime() + OFFSET_MS;
  return new Date(shifted - (shifted % 86_400_000) - OFFSET_MS);
}

/** The instant the Shanghai day `YYYY-MM-DD` began; null when the text is not such a date. */
export function shanghaiDayStart(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== date) return null;
  return new Date(utcMidnight - OFFSET_MS);
}

/** `YYYY-MM-DD` of the Shanghai day containing `at`. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
