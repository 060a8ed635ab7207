import { describe, expect, it } from 'vitest';
import { endedQuietly, operationOutcome } from './operation-outcome';

describe('operationOutcome', () => {
  it('keeps pending and succeeded as they are, whatever the reason field says', () => {
    expect(operationOutcome('PENDING', null)).toBe('PENDING');
    expect(operationOutcome('SUCCEEDED', 'CANCELLED')).toBe('SUCCEEDED');
  });

  it('reads a debit the customer cancelled at the bank as cancelled, an expired one as closed', () => {
    expect(operationOutcome('FAILED', 'CANCELLED')).toBe('CANCELLED');
    expect(operationOutcome('FAILED', 'EXPIRED')).toBe('CLOSED');
  });

  it('keeps failed for what actually failed', () => {
    for (const reason of ['DECLINED', 'INSUFFICIENT_FUNDS', 'BANK_TIMEOUT', 'BANK_REJECTED', null])
      expect(operationOutcome('FAILED', reason)).toBe('FAILED');
  });

  it('only cancelled and closed end quietly', () => {
    expect(['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'CLOSED'].filter((o) => endedQuietly(o as never))).toEqual([
      'CANCELLED',
      'CLOSED',
    ]);
  });
});
