import { describe, expect, it } from 'vitest';
import {
  formatShanghaiMinute,
  formatShanghaiSecond,
  shanghaiDay,
  shanghaiMonth,
  shanghaiMonthRange,
} from './shanghai-time';

describe('Shanghai time', () => {
  it('formats an instant as Shanghai wall time, 24 h', () => {
    const at = new Date('2026-01-05T06:07:09Z');
    expect(formatShanghaiMinute(at)).toBe('2026-01-05 14:07');
    expect(formatShanghaiSecond(at)).toBe('2026-01-05 14:07:09');
  });

  it('moves to the next day and month after 16:00 UTC', () => {
    const at = new Date('2026-01-31T16:30:00Z');
    expect(formatShanghaiMinute(at)).toBe('2026-02-01 00:30');
    expect(shanghaiDay(at)).toBe('2026-02-01');
    expect(shanghaiMonth(at)).toBe('2026-02');
  });

  it('gives a month as a half-open range of instants', () => {
    expect(shanghaiMonthRange('2026-02')).toEqual({
      from: new Date('2026-01-31T16:00:00Z'),
      to: new Date('2026-02-28T16:00:00Z'),
    });
    expect(shanghaiMonthRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
  });
});
