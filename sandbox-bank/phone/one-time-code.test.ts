import { describe, expect, it } from 'vitest';
import { hashOneTimeCode, newOneTimeCode, oneTimeCodeMatches } from './one-time-code';

describe('one-time codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 200; i++) expect(newOneTimeCode()).toMatch(/^\d{6}$/);
  });

  it('are kept as a keyed hash that holds only for their purpose', () => {
    const hash = hashOneTimeCode('debit:a', '012345');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('012345');
    expect(oneTimeCodeMatches('debit:a', hash, '012345')).toBe(true);
    expect(oneTimeCodeMatches('debit:b', hash, '012345')).toBe(false);
    expect(oneTimeCodeMatches('debit:a', hash, '012346')).toBe(false);
    expect(oneTimeCodeMatches('debit:a', hash, '12345')).toBe(false);
    expect(oneTimeCodeMatches('debit:a', null, '012345')).toBe(false);
  });
});
