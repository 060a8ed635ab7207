import { describe, expect, it } from 'vitest';
import { shanghaiDate, shanghaiDayStart, startOfShanghaiDay } from './shanghai-day';

describe('Shanghai days', () => {
  it.each([
    ['2026-11-25T15:59:59.999Z', '2026-11-25', '2026-11-24T16:00:00.000Z'],
    ['2026-11-25T16:00:00.000Z', '2026-11-26', '2026-11-25T16:00:00.000Z'],
    ['2026-11-25T00:00:00.000Z', '2026-11-25', '2026-11-24T16:00:00.000Z'],
  ])('%s is in the Shanghai day %s, which began at %s', (at, date, start) => {
    expect(shanghaiDate(new Date(at))).toBe(date);
    expect(startOfShanghaiDay(new Date(at)).toISOString()).toBe(start);
    expect(shanghaiDayStart(date)!.toISOString()).toBe(start);
  });

  it.each(['2026-02-30', '2026-1-01', '', 'yesterday', '2026-11-25T00:00'])('refuses %j', (text) => {
    expect(shanghaiDayStart(text)).toBeNull();
  });
});
