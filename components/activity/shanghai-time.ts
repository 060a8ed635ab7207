// Times as people in the product read them: Asia/Shanghai (UTC+8, no daylight saving),
// 24 h. Done by shifting the instant, so it does not depend on the server's time zone.
const OFFSET_MS = 8 * 3600 * 1000;

function shifted(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD HH:mm` in Shanghai. */
export function formatShanghaiMinute(at: Date): string {
  return shifted(at).slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD HH:mm:ss` in Shanghai. */
export function formatShanghaiSecond(at: Date): string {
  return shifted(at).slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM` of the Shanghai month containing `at`. */
export function shanghaiMonth(at: Date): string {
  return shifted(at).slice(0, 7);
}

/** `YYYY-MM-DD` of the Shanghai day containing `at`. */
export function shanghaiDay(at: Date): string {
  return shifted(at).slice(0, 10);
}

/** The instants a Shanghai month `YYYY-MM` starts (inclusive) and ends (exclusive). */
export function shanghaiMonthRange(month: string): { from: Date; to: Date } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, mon - 1, 1) - OFFSET_MS), to: new Date(Date.UTC(year, mon, 1) - OFFSET_MS) };
}
