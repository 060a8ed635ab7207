import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SCHEDULE_SECONDS, webhookRetrySchedule } from './webhook-retry-schedule';

describe('webhookRetrySchedule', () => {
  it('is the contract’s schedule by default: at once, 4m, 10m, 10m, 1h, 2h, 6h, 15h', () => {
    expect(webhookRetrySchedule(undefined)).toEqual([0, 4 * 60, 10 * 60, 10 * 60, 3600, 2 * 3600, 6 * 3600, 15 * 3600]);
    expect(webhookRetrySchedule('')).toBe(DEFAULT_WEBHOOK_SCHEDULE_SECONDS);
  });

  it('takes an override of whole seconds', () => {
    expect(webhookRetrySchedule('0, 1,2')).toEqual([0, 1, 2]);
  });

  it.each(['a', '1,,2', '-1', '1.5', '1e3', Array.from({ length: 21 }, () => '1').join(',')])('refuses %j', (value) => {
    expect(() => webhookRetrySchedule(value)).toThrow(/WEBHOOK_RETRY_SCHEDULE_SECONDS/);
  });
});
