// When each automatic delivery attempt happens: attempt 1 at once, then 4m, 10m, 10m, 1h, 2h,
// 6h, 15h after the previous one failed (Alipay's schedule; merchant API contract). Entry i is
// the wait before attempt i+1, so the length is the number of attempts before FAILED.
// WEBHOOK_RETRY_SCHEDULE_SECONDS (comma-separated seconds) replaces it, for tests and demos.
import 'server-only';
export const DEFAULT_WEBHOOK_SCHEDULE_SECONDS: readonly number[] = [0, 240, 600, 600, 3600, 7200, 21600, 54000];

export function parseWebhookSchedule(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length < 1 || parts.length > 20 || parts.some((p) => !/^\d{1,6}$/.test(p))) {
    throw new Error('WEBHOOK_RETRY_SCHEDULE_SECONDS must be 1 to 20 comma-separated whole seconds, e.g. "0,240,600"');
  }
  return parts.map(Number);
}

/** The schedule in force: the environment's override, else the real one. */
export function webhookRetrySchedule(value = process.env.WEBHOOK_RETRY_SCHEDULE_SECONDS): readonly number[] {
  return value?.trim() ? parseWebhookSchedule(value) : DEFAULT_WEBHOOK_SCHEDULE_SECONDS;
}
