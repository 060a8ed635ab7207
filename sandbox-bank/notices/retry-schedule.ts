// When the bank tries a notice again after a failed delivery (API.md): after 5 s, 30 s,
// 2 min, 10 min, then every 30 min, until a day has passed since the notice was written.

const FIRST_DELAYS_SECONDS = [5, 30, 120, 600];
const THEN_EVERY_SECONDS = 30 * 60;
export const GIVE_UP_AFTER_SECONDS = 24 * 60 * 60;

/** Seconds to wait after the `failedAttempts`-th failed attempt (1-based). */
export function retryDelaySeconds(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new Error(`failedAttempts must be a positive integer, got ${failedAttempts}`);
  return FIRST_DELAYS_SECONDS[failedAttempts - 1] ?? THEN_EVERY_SECONDS;
}

/** The next attempt after a failure, or null when that would be more than a day after `createdAt`. */
export function nextNoticeAttemptAt(createdAt: Date, failedAttempts: number, now: Date): Date | null {
  const next = new Date(now.getTime() + retryDelaySeconds(failedAttempts) * 1000);
  return next.getTime() - createdAt.getTime() > GIVE_UP_AFTER_SECONDS * 1000 ? null : next;
}
