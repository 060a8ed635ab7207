import { describe, expect, it } from 'vitest';
import { failureReasonMessage } from './failure-reason';

describe('failureReasonMessage', () => {
  it('names known codes', () => {
    expect(failureReasonMessage('INSUFFICIENT_FUNDS')).toEqual({ key: 'INSUFFICIENT_FUNDS' });
    expect(failureReasonMessage('BANK_TIMEOUT')).toEqual({ key: 'BANK_TIMEOUT' });
  });

  it('keeps an unknown code readable, and hides anything that is not a code', () => {
    expect(failureReasonMessage('ACCOUNT_FROZEN')).toEqual({ key: 'OTHER', code: 'ACCOUNT_FROZEN' });
    expect(failureReasonMessage('<b>oops</b>')).toEqual({ key: 'OTHER', code: 'UNKNOWN' });
    expect(failureReasonMessage(null)).toEqual({ key: 'OTHER', code: 'UNKNOWN' });
  });
});
