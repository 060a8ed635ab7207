import { describe, expect, it } from 'vitest';
import { addToTotals, groupByMonth } from './month-groups';

const row = (id: string, iso: string) => ({ id, createdAt: new Date(iso) });

describe('groupByMonth', () => {
  it('keeps the order and splits at Shanghai month boundaries', () => {
    const groups = groupByMonth([
      row('a', '2026-02-03T00:00:00Z'),
      row('b', '2026-01-31T16:00:00Z'), // 2026-02-01 00:00 in Shanghai
      row('c', '2026-01-31T15:59:59Z'), // still January there
      row('d', '2025-12-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.id)])).toEqual([
      ['2026-02', ['a', 'b']],
      ['2026-01', ['c']],
      ['2025-12', ['d']],
    ]);
  });

  it('gives nothing for nothing', () => expect(groupByMonth([])).toEqual([]));
});

describe('addToTotals', () => {
  it('counts succeeded money in and out, fees as expense, and skips the rest', () => {
    const totals = addToTotals({ income: 0n, expense: 0n }, [
      { amount: 10000n, fee: 0n, status: 'SUCCEEDED' }, // top-up
      { amount: -5000n, fee: 200n, status: 'SUCCEEDED' }, // withdrawal with fee
      { amount: -1234n, fee: 0n, status: 'SUCCEEDED' }, // transfer out
      { amount: 99900n, fee: 0n, status: 'PENDING' },
      { amount: -7000n, fee: 100n, status: 'FAILED' },
    ]);
    expect(totals).toEqual({ income: 10000n, expense: 6434n });
  });

  it('adds to running totals (pages of one month)', () => {
    expect(addToTotals({ income: 1n, expense: 2n }, [{ amount: 5n, fee: 0n, status: 'SUCCEEDED' }])).toEqual({
      income: 6n,
      expense: 2n,
    });
  });
});
