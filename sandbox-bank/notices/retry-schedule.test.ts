import { describe, expect, it } from 'vitest';
import { nextNoticeAttemptAt, retryDelaySeconds } from './retry-schedule';

describe('notice retry schedule', () => {
  it.each([
    [1, 5],
    [2, 30],
    [3, 120],
    [4, 600],
    [5, 1800],
    [40, 1800],
  ])('after failure %i waits %i s', (failures, seconds) => {
    expect(retryDelaySeconds(failures)).toBe(seconds);
  });

  it('refuses nonsense', () => {
    expect(() => retryDelaySeconds(0)).toThrow();
    expect(() => retryDelaySeconds(1.5)).toThrow();
  });

  it('gives up once the next try would be more than a day after the notice was written', () => {
    const created = new Date('2026-11-25T00:00:00Z');
    expect(nextNoticeAttemptAt(created, 1, created)).toEqual(new Date('2026-11-25T00:00:05Z'));
    expect(nextNoticeAttemptAt(created, 9, new Date('2026-11-25T23:30:00Z'))).toEqual(new Date('2026-11-26T00:00:00Z'));
    expect(nextNoticeAttemptAt(created, 9, new Date('2026-11-25T23:30:01Z'))).toBeNull();
  });

  it('makes about 51 attempts in a day', () => {
    const created = new Date('2026-11-25T00:00:00Z');
    let now = created;
    let attempts = 1;
    for (;;) {
      const next = nextNoticeAttemptAt(created, attempts, now);
      if (!next) break;
      now = next;
      attempts++;
    }
    // 1 immediate + 4 early retries + every 30 min for the rest of the day.
    expect(attempts).toBeGreaterThan(45);
    expect(attempts).toBeLessThan(55);
  });
});
