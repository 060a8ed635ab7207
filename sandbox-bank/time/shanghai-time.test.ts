import { describe, expect, it } from 'vitest';
import { formatShanghaiDateTime, isCalendarDate, shanghaiDate } from './shanghai-time';

describe('Shanghai time', () => {
  it.each([
    ['2026-11-25T15:59:59.999Z', '2026-11-25', '2026-11-25 23:59:59'],
    ['2026-11-25T16:00:00.000Z', '2026-11-26', '2026-11-26 00:00:00'],
    ['2026-01-01T00:07:05.000Z', '2026-01-01', '2026-01-01 08:07:05'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-01-01 00:00:00'],
  ])('%s is %s, %s', (iso, date, dateTime) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
    expect(formatShanghaiDateTime(new Date(iso))).toBe(dateTime);
  });

  it.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['1999-12-31', false],
    ['2026-11-25T00:00', false],
    ['', false],
  ])('isCalendarDate(%j) is %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});
