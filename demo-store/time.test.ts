import { describe, expect, it } from 'vitest';
import { formatShanghai } from './time';

describe('formatShanghai', () => {
  it('shows a UTC instant on the Shanghai clock, 24 h', () => {
    expect(formatShanghai(new Date('2026-01-05T06:07:00Z'))).toBe('2026-01-05 14:07:00');
    expect(formatShanghai(new Date('2026-01-05T16:30:05Z'))).toBe('2026-01-06 00:30:05');
  });
});
