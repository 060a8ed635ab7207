import { describe, expect, it } from 'vitest';
import { randomResidentIdNumber } from '@/sandbox-bank/accounts/resident-id-number';
import { SEED_CUSTOMER_ACCOUNTS } from '@/sandbox-bank/seed-accounts';
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

  it("holds for every seeded holder's and for the bank's random ones", () => {
    for (const a of SEED_CUSTOMER_ACCOUNTS) expect(isResidentIdNumber(a.idNumber), a.holderName).toBe(true);
    for (let i = 0; i < 50; i++) expect(isResidentIdNumber(randomResidentIdNumber())).toBe(true);
  });
});
