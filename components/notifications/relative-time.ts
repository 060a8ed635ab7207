// How old a notification is, the way messaging apps say it (docs/ui.md): 刚刚, N 分钟前,
// N 小时前, then the Shanghai date and time. The words come from the messages; this only
// decides which form and number.
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';

export type RelativeTime =
  | { unit: 'justNow' }
  | { unit: 'minutes'; count: number }
  | { unit: 'hours'; count: number }
  /** `MM-DD HH:mm` this year, `YYYY-MM-DD HH:mm` before. */
  | { unit: 'date'; text: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function relativeTime(at: Date, now: Date): RelativeTime {
  const age = now.getTime() - at.getTime();
  // A clock a little ahead of ours still reads "just now" rather than a negative age.
  if (age < MINUTE) return { unit: 'justNow' };
  if (age < HOUR) return { unit: 'minutes', count: Math.floor(age / MINUTE) };
  if (age < 24 * HOUR) return { unit: 'hours', count: Math.floor(age / HOUR) };
  const full = formatShanghaiMinute(at);
  return { unit: 'date', text: full.slice(0, 4) === formatShanghaiMinute(now).slice(0, 4) ? full.slice(5) : full };
}
