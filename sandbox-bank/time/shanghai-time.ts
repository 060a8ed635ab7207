// The bank's days and clock faces are Asia/Shanghai (UTC+8, no daylight saving).
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "2026-11-25": the Shanghai calendar date of an instant. */
export function shanghaiDate(date: Date): string {
  const f = fields(date);
  return `${f.year}-${f.month}-${f.day}`;
}

/** "2026-11-25 14:07:00": an instant on a Shanghai clock, 24 h. */
export function formatShanghaiDateTime(date: Date): string {
  const f = fields(date);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}`;
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30), years 2000 to 2999. */
export function isCalendarDate(value: string): boolean {
  const m = /^(2\d{3})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
