import { describe, expect, it } from 'vitest';
import { paymentOutcome } from './get-payment-result';

describe('paymentOutcome', () => {
  it('follows the operation status', () => {
    expect(paymentOutcome('PENDING', ['REQUESTED'])).toBe('PENDING');
    expect(paymentOutcome('FAILED', ['REQUESTED', 'FAILED'])).toBe('FAILED');
    expect(paymentOutcome('SUCCEEDED', ['REQUESTED', 'AUTHORISED', 'SETTLED'])).toBe('PAID');
  });

  it('tells a payment the bank made for an order that was no longer payable', () => {
    expect(paymentOutcome('SUCCEEDED', ['REQUESTED', 'AUTHORISED', 'CREDITED_TO_BALANCE'])).toBe('CREDITED_TO_BALANCE');
  });
});
