import { describe, expect, it } from 'vitest';
import { parseEntriesQuery, parseFilterAmount } from './entries-query';

describe('parseFilterAmount', () => {
  it.each([
    ['88.88', 'yuan', 8888n],
    ['88', 'yuan', 8800n],
    ['0.5', 'yuan', 50n],
    ['８８.８', 'yuan', 8880n],
    ['8888', 'fen', 8888n],
    ['８８', 'fen', 88n],
  ] as const)('%s %s → %s', (raw, unit, minor) => {
    expect(parseFilterAmount(raw, unit)).toBe(minor);
  });

  it.each([
    ['1.234', 'yuan'],
    ['1e3', 'yuan'],
    ['-5', 'yuan'],
    ['1,000', 'yuan'],
    ['abc', 'yuan'],
    ['12.5', 'fen'],
    ['-1', 'fen'],
    ['1e3', 'fen'],
  ] as const)('%s %s is refused', (raw, unit) => {
    expect(() => parseFilterAmount(raw, unit)).toThrow();
  });
});

describe('parseEntriesQuery', () => {
  it('keeps the valid filters and names the bad ones', () => {
    const { query, errors } = parseEntriesQuery({
      entryId: 'not-an-id',
      kind: 'PAYMENT',
      status: 'BOGUS',
      userEmail: 'ZhangSan@Example.com',
      amount: '12.345',
      from: '2026-11-01',
    });
    expect(errors).toEqual({ entryId: 'invalidId', amount: 'invalidAmount' });
    expect(query).toMatchObject({ kind: 'PAYMENT', userEmail: 'ZhangSan@Example.com', page: 1 });
    expect(query.status).toBeUndefined();
    expect(query.amount).toBeUndefined();
    expect(query.from?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('reads an amount in fen and an unknown email shape as an error', () => {
    expect(parseEntriesQuery({ amount: '8888', unit: 'fen' }).query.amount).toBe(8888n);
    expect(parseEntriesQuery({ userEmail: 'nobody' }).errors).toEqual({ userEmail: 'invalidEmail' });
  });
});
