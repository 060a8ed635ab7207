import { describe, expect, it } from 'vitest';
import { announcementFor, formatCountdown, sameAnnouncement, secondsLeft } from './countdown';

describe('secondsLeft', () => {
  it('rounds up so the last partial second still counts', () => {
    expect(secondsLeft(899_001)).toBe(900);
    expect(secondsLeft(1)).toBe(1);
    expect(secondsLeft(1000)).toBe(1);
  });
  it('is zero once the time is up', () => {
    expect(secondsLeft(0)).toBe(0);
    expect(secondsLeft(-5000)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it.each([
    [899, '14:59'],
    [1800, '30:00'],
    [60, '01:00'],
    [9, '00:09'],
    [0, '00:00'],
    [-3, '00:00'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [86_400, '24:00:00'],
  ])('%i s reads %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});

describe('announcementFor', () => {
  it('announces whole minutes while more than a minute is left', () => {
    expect(announcementFor(900)).toEqual({ unit: 'minutes', count: 15 });
    expect(announcementFor(899)).toEqual({ unit: 'minutes', count: 15 });
    expect(announcementFor(841)).toEqual({ unit: 'minutes', count: 15 });
    expect(announcementFor(840)).toEqual({ unit: 'minutes', count: 14 });
    expect(announcementFor(61)).toEqual({ unit: 'minutes', count: 2 });
  });

  it('announces 60, 30 and 10 seconds, then the end', () => {
    expect(announcementFor(60)).toEqual({ unit: 'seconds', count: 60 });
    expect(announcementFor(31)).toEqual({ unit: 'seconds', count: 60 });
    expect(announcementFor(30)).toEqual({ unit: 'seconds', count: 30 });
    expect(announcementFor(10)).toEqual({ unit: 'seconds', count: 10 });
    expect(announcementFor(1)).toEqual({ unit: 'seconds', count: 10 });
    expect(announcementFor(0)).toEqual({ unit: 'expired' });
  });

  it('changes about once a minute, not every second', () => {
    let changes = 0;
    for (let s = 900; s > 0; s--) if (!sameAnnouncement(announcementFor(s), announcementFor(s - 1))) changes++;
    // 15→14 … 2→60 s (14 changes), 60→30, 30→10, 10→expired.
    expect(changes).toBe(17);
  });
});
