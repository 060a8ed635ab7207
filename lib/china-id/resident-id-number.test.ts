import { describe, expect, it } from 'vitest';
import { isResidentIdNumber, residentIdCheckChar } from './resident-id-number';

describe('resident ID numbers', () => {
  it('computes the GB 11643 check character', () => {
    // The standard's own example.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('11010519491231002x')).toBe(false);
    expect(isResidentIdNumber('1101051949123100')).toBe(false);
  });
});
