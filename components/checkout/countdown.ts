// Countdown arithmetic of the checkout page, kept pure for tests. The page counts down from
// the time left that the server measured on the database clock, with the browser's
// monotonic clock (a wrong clock on the phone cannot make an order look open or expired).

/** Whole seconds left, rounded up (the order is open until the last millisecond). */
export function secondsLeft(remainingMs: number): number {
  return remainingMs <= 0 ? 0 : Math.ceil(remainingMs / 1000);
}

const two = (n: number) => String(n).padStart(2, '0');

/** `14:59`, `1:02:03` past an hour, `00:00` at the end. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`;
}

/**
 * What a screen reader is told, at minute marks and a few times in the last minute, not
 * every second: the page announces when this value changes.
 */
export type Announcement =
  { unit: 'minutes'; count: number } | { unit: 'seconds'; count: 60 | 30 | 10 } | { unit: 'expired' };

export function announcementFor(seconds: number): Announcement {
  if (seconds <= 0) return { unit: 'expired' };
  if (seconds <= 10) return { unit: 'seconds', count: 10 };
  if (seconds <= 30) return { unit: 'seconds', count: 30 };
  if (seconds <= 60) return { unit: 'seconds', count: 60 };
  return { unit: 'minutes', count: Math.ceil(seconds / 60) };
}

export function sameAnnouncement(a: Announcement, b: Announcement): boolean {
  return a.unit === b.unit && (a.unit === 'expired' || (b.unit !== 'expired' && a.count === b.count));
}
