import { describe, expect, it } from 'vitest';
import { activityHref, hasFilters, parseActivityQuery, toActivityFilter } from './activity-query';

describe('parseActivityQuery', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      parseActivityQuery({ kind: 'TOP_UP', status: 'FAILED', from: '2026-01-01', to: '2026-01-31', cursor: 'abc_-1' }),
    ).toEqual({
      query: { kind: 'TOP_UP', status: 'FAILED', from: '2026-01-01', to: '2026-01-31', cursor: 'abc_-1' },
      errors: {},
    });
    expect(parseActivityQuery({ kind: 'GIFT', status: 'succeeded', from: '', cursor: '<script>' })).toEqual({
      query: {},
      errors: {},
    });
    expect(parseActivityQuery({ kind: 'REFUND' }).query).toEqual({ kind: 'REFUND' });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseActivityQuery({ kind: ['WITHDRAWAL', 'TOP_UP'] }).query).toEqual({ kind: 'WITHDRAWAL' });
  });

  it('reports dates that are not days, and an end before the start', () => {
    expect(parseActivityQuery({ from: '2026-02-30', to: '2026/01/01' }).errors).toEqual({
      from: 'invalid',
      to: 'invalid',
    });
    expect(parseActivityQuery({ from: '2026-02-10', to: '2026-02-09' })).toEqual({
      query: { from: '2026-02-10' },
      errors: { to: 'beforeFrom' },
    });
  });
});

describe('toActivityFilter', () => {
  it('turns inclusive Shanghai days into instants, the end day whole', () => {
    expect(toActivityFilter({ kind: 'TRANSFER_IN', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      kind: 'TRANSFER_IN',
      status: undefined,
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-01-31T16:00:00Z'),
    });
  });
});

describe('activityHref', () => {
  it('keeps the filters on the next page link', () => {
    expect(activityHref({ kind: 'TOP_UP', from: '2026-01-01' }, 'c1')).toBe(
      '/activity?kind=TOP_UP&from=2026-01-01&cursor=c1',
    );
    expect(activityHref({})).toBe('/activity');
  });

  it('says whether anything is filtered (a cursor is not a filter)', () => {
    expect(hasFilters({ cursor: 'x' })).toBe(false);
    expect(hasFilters({ status: 'PENDING' })).toBe(true);
  });
});
