import { describe, expect, it } from 'vitest';
import { checkoutState } from './checkout-state';

const now = new Date('2026-11-26T02:00:00.000Z');
const later = new Date(now.getTime() + 1);

describe('checkoutState', () => {
  it('is payable only while PENDING and before the expiry', () => {
    expect(checkoutState('PENDING', later, now)).toBe('PAYABLE');
    expect(checkoutState('PENDING', now, now)).toBe('EXPIRED');
    expect(checkoutState('PENDING', new Date(now.getTime() - 1000), now)).toBe('EXPIRED');
  });

  it.each([
    ['EXPIRED', 'EXPIRED'],
    ['CLOSED', 'CLOSED'],
    ['PAID', 'PAID'],
    ['SHIPPED', 'PAID'],
    ['PARTIALLY_REFUNDED', 'PAID'],
    ['REFUNDED', 'PAID'],
  ] as const)('%s reads as %s whatever the expiry', (status, state) => {
    expect(checkoutState(status, later, now)).toBe(state);
  });
});
