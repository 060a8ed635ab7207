import { describe, expect, it } from 'vitest';
import { BANK_REFERENCE_PATTERN, newBankReference } from './bank-reference';

describe('bank references', () => {
  it('carry the Shanghai date and 12 base32 characters', () => {
    const ref = newBankReference(new Date('2026-11-25T16:30:00Z'));
    expect(ref).toMatch(BANK_REFERENCE_PATTERN);
    expect(ref.startsWith('SB20261126')).toBe(true);
  });

  it('do not repeat', () => {
    const refs = new Set(Array.from({ length: 2000 }, () => newBankReference()));
    expect(refs.size).toBe(2000);
  });
});
