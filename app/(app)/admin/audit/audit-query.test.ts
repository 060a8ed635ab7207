import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from './audit-query';

describe('parseAuditQuery', () => {
  it('reads the filters and Shanghai day bounds', () => {
    const { query, errors } = parseAuditQuery({
      actor: ' admin@example.com ',
      action: 'user.freeze',
      from: '2026-11-01',
      to: '2026-11-02',
      page: '3',
    });
    expect(errors).toEqual({});
    expect(query).toMatchObject({ actor: 'admin@example.com', action: 'user.freeze', targetId: '', page: 3 });
    expect(query.from?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(query.to?.toISOString()).toBe('2026-11-02T16:00:00.000Z');
  });

  it.each([
    [{ from: '2026-13-01' }, { from: 'invalidDate' }],
    [{ to: 'yesterday' }, { to: 'invalidDate' }],
    [{ from: '2026-11-05', to: '2026-11-01' }, { to: 'dateOrder' }],
    [{ actor: 'x'.repeat(300) }, { actor: 'tooLong' }],
  ])('%j → errors %j, filter left out', (params, expected) => {
    const { query, errors } = parseAuditQuery(params);
    expect(errors).toEqual(expected);
    expect(query.from).toBeUndefined();
  });

  it('bad page numbers are page 1', () => {
    expect(parseAuditQuery({ page: '-1' }).query.page).toBe(1);
    expect(parseAuditQuery({ page: 'abc' }).query.page).toBe(1);
  });
});
