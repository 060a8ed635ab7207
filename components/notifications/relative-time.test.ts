import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = new Date('2026-03-10T12:00:00Z'); // 20:00 in Shanghai
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('relativeTime', () => {
  it.each([
    [0, { unit: 'justNow' }],
    [59_999, { unit: 'justNow' }],
    [-30_000, { unit: 'justNow' }],
    [60_000, { unit: 'minutes', count: 1 }],
    [59 * 60_000 + 59_999, { unit: 'minutes', count: 59 }],
    [3_600_000, { unit: 'hours', count: 1 }],
    [23 * 3_600_000 + 3_599_999, { unit: 'hours', count: 23 }],
  ])('%i ms ago → %j', (ms, expected) => expect(relativeTime(ago(ms), now)).toEqual(expected));

  it('gives the Shanghai date and time from a day on, the year only when it differs', () => {
    expect(relativeTime(ago(24 * 3_600_000), now)).toEqual({ unit: 'date', text: '03-09 20:00' });
    expect(relativeTime(new Date('2025-12-31T17:05:00Z'), now)).toEqual({ unit: 'date', text: '01-01 01:05' });
    expect(relativeTime(new Date('2025-12-31T15:05:00Z'), now)).toEqual({ unit: 'date', text: '2025-12-31 23:05' });
  });
});
