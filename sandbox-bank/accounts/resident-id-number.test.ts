import { describe, expect, it } from 'vitest';
import { isResidentIdNumber } from '@/lib/china-id/resident-id-number';
import { SEED_CUSTOMER_ACCOUNTS } from '../seed-accounts';
import { randomResidentIdNumber } from './resident-id-number';

describe("the bank's resident ID numbers", () => {
  it("holds for every seeded holder's and for the bank's random ones", () => {
    for (const a of SEED_CUSTOMER_ACCOUNTS) expect(isResidentIdNumber(a.idNumber), a.holderName).toBe(true);
    for (let i = 0; i < 50; i++) expect(isResidentIdNumber(randomResidentIdNumber())).toBe(true);
  });
});
