import { describe, expect, it } from 'vitest';
import { summariseBalances } from './balance-summary';

describe('summariseBalances', () => {
  it('gives start, end, highest and lowest, exactly', () => {
    const points = [1000n, 250000n, 99n, 9_007_199_254_740_993n, 5000n].map((balance) => ({ balance }));
    expect(summariseBalances(points)).toEqual({ start: 1000n, end: 5000n, max: 9_007_199_254_740_993n, min: 99n });
  });

  it('handles one day and no days', () => {
    expect(summariseBalances([{ balance: 7n }])).toEqual({ start: 7n, end: 7n, max: 7n, min: 7n });
    expect(summariseBalances([])).toBeNull();
  });
});
