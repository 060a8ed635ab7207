import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuid-v7';

describe('uuidv7', () => {
  it('is a version 7, RFC variant UUID carrying the millisecond time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 26, 2, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 26, 2, 0, 0));
  });

  it('increases strictly within one millisecond and when the clock steps back', () => {
    const now = Date.now() + 10_000;
    const ids = [
      uuidv7(now),
      uuidv7(now),
      uuidv7(now),
      uuidv7(now - 5_000),
      ...Array.from({ length: 5000 }, () => uuidv7(now)),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
