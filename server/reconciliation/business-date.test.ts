import { describe, expect, it } from 'vitest';
import { businessDayOrThrow, previousBusinessDate, todayBusinessDate } from './business-date';

const now = new Date('2026-11-26T01:30:00Z'); // 09:30 in Shanghai

describe('business days (Asia/Shanghai)', () => {
  it('a day runs from Shanghai midnight to the next', () => {
    expect(businessDayOrThrow('2026-11-25', now)).toEqual({
      date: '2026-11-25',
      start: new Date('2026-11-24T16:00:00Z'),
      end: new Date('2026-11-25T16:00:00Z'),
    });
  });

  it('today and yesterday are Shanghai days, also just after midnight there', () => {
    expect(todayBusinessDate(now)).toBe('2026-11-26');
    expect(previousBusinessDate(now)).toBe('2026-11-25');
    const justAfterMidnight = new Date('2026-11-25T16:30:00Z');
    expect(todayBusinessDate(justAfterMidnight)).toBe('2026-11-26');
    expect(previousBusinessDate(justAfterMidnight)).toBe('2026-11-25');
  });

  it.each(['2026-11-27', '2026-02-30', '26-11-25', '2026-11-25T00:00', '', 'today'])('refuses %j', (date) => {
    expect(() => businessDayOrThrow(date, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_BUSINESS_DATE', field: 'date' }),
    );
  });
});
