import { describe, expect, it } from 'vitest';
import { groupAccountNumber, maskAccountNumber } from './mask-account-number';

describe('account numbers', () => {
  it.each([
    ['6222000000000044', '6222 **** **** 0044'],
    ['6222999900000001', '6222 **** **** 0001'],
    ['6222000000000000123', '6222 **** **** 0123'],
    ['123', '****'],
  ])('masks %s as %s', (number, masked) => {
    expect(maskAccountNumber(number)).toBe(masked);
  });

  it('groups digits in fours', () => {
    expect(groupAccountNumber('6222000000000044')).toBe('6222 0000 0000 0044');
    expect(groupAccountNumber('6222000000000000123')).toBe('6222 0000 0000 0000 123');
  });
});
