import { describe, expect, it } from 'vitest';
import { EMPTY_MONTH_TOTALS, addToTotals, groupByMonth } from './month-groups';

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
  const op = (kind: string, total: bigint, status = 'SUCCEEDED', creditedToBalance = false) => ({
    kind,
    total,
    status,
    creditedToBalance,
  });

  it('keeps money between your own accounts apart from income and spending, fees included', () => {
    const totals = addToTotals(EMPTY_MONTH_TOTALS, [
      op('TOP_UP', 10000n),
      op('WITHDRAWAL', -2010n), // ¥20.00 and a ¥0.10 fee
      op('TRANSFER_OUT', -1234n),
      op('TRANSFER_IN', 500n),
      op('PAYMENT', -8888n),
      op('REFUND', 4444n),
      op('PAYMENT', 1500n, 'SUCCEEDED', true), // the bank paid a closed order: into the balance
      op('PAYOUT', -1001n),
    ]);
    expect(totals).toEqual({ income: 4944n, expense: 10122n, toppedUp: 11500n, withdrawn: 3011n });
  });

  it('counts only what succeeded: pending, failed and cancelled operations moved nothing', () => {
    const totals = addToTotals(EMPTY_MONTH_TOTALS, [
      op('TOP_UP', 99900n, 'PENDING'),
      op('TOP_UP', 1200n, 'FAILED'),
      op('WITHDRAWAL', -7100n, 'FAILED'),
    ]);
    expect(totals).toEqual(EMPTY_MONTH_TOTALS);
  });

  it('adds to running totals (pages of one month)', () => {
    const start = { income: 1n, expense: 2n, toppedUp: 3n, withdrawn: 4n };
    expect(addToTotals(start, [op('TRANSFER_IN', 5n), op('TOP_UP', 6n)])).toEqual({
      income: 6n,
      expense: 2n,
      toppedUp: 9n,
      withdrawn: 4n,
    });
  });
});
