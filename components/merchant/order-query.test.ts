import { describe, expect, it } from 'vitest';
import { hasOrderFilters, ordersHref, parseOrderQuery, toOrderFilter } from './order-query';

describe('parseOrderQuery', () => {
  it('keeps known statuses, real dates, a trimmed search and the cursor', () => {
    const { query, errors } = parseOrderQuery({
      status: 'PAID',
      from: '2026-11-01',
      to: '2026-11-26',
      q: ' DS-1 ',
      cursor: 'abc',
    });
    expect(query).toEqual({ status: 'PAID', from: '2026-11-01', to: '2026-11-26', q: 'DS-1', cursor: 'abc' });
    expect(errors).toEqual({});
    expect(toOrderFilter(query)).toEqual({
      status: 'PAID',
      from: '2026-11-01',
      to: '2026-11-26',
      merchantOrderNo: 'DS-1',
    });
  });

  it('drops an unknown status and reports impossible or reversed dates', () => {
    expect(parseOrderQuery({ status: 'STOLEN' }).query.status).toBeUndefined();
    expect(parseOrderQuery({ from: '2026-02-30' }).errors).toEqual({ from: 'invalidDate' });
    expect(parseOrderQuery({ to: '26-1-1' }).errors).toEqual({ to: 'invalidDate' });
    // A month or day out of range is no date at all (not a thrown RangeError, a 500).
    expect(parseOrderQuery({ from: '2026-13-45', to: '2026-00-00' }).errors).toEqual({
      from: 'invalidDate',
      to: 'invalidDate',
    });
    const reversed = parseOrderQuery({ from: '2026-11-26', to: '2026-11-01' });
    expect(reversed.errors).toEqual({ from: 'dateOrder' });
    expect(reversed.query).toEqual({ to: '2026-11-01' });
  });

  it('takes the first of repeated values and bounds the search', () => {
    expect(parseOrderQuery({ status: ['CLOSED', 'PAID'] }).query.status).toBe('CLOSED');
    expect(parseOrderQuery({ q: 'x'.repeat(100) }).query.q).toHaveLength(64);
  });
});

describe('ordersHref', () => {
  it('writes the filters and the cursor into the URL, and nothing when there are none', () => {
    expect(ordersHref({})).toBe('/merchant/orders');
    expect(ordersHref({ status: 'PAID', q: 'A B' }, 'c1')).toBe('/merchant/orders?status=PAID&q=A+B&cursor=c1');
    expect(hasOrderFilters({ cursor: 'c1' })).toBe(false);
    expect(hasOrderFilters({ from: '2026-11-01' })).toBe(true);
  });
});
