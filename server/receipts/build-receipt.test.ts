import { describe, expect, it } from 'vitest';
import { buildReceipt, receiptNumber } from './build-receipt';
import { SAMPLE_SOURCE } from './testing/sample-receipt';

describe('buildReceipt', () => {
  it('writes amounts as minor-unit strings, the net without sign plus a direction, times in UTC', () => {
    const receipt = buildReceipt(SAMPLE_SOURCE);
    expect(receipt).toMatchObject({
      version: 1,
      type: 'PAYMENT',
      amount: '12345',
      fee: '0',
      net: '12345',
      direction: 'DEBIT',
      balanceAfter: '87655',
      createdAt: '2026-12-07T15:59:58.123Z',
      completedAt: '2026-12-07T16:00:01.456Z',
    });
    expect(buildReceipt({ ...SAMPLE_SOURCE, net: 500n, balanceAfter: null })).toMatchObject({
      net: '500',
      direction: 'CREDIT',
      balanceAfter: null,
    });
  });

  it('is deterministic: the same rows give the same JSON, so the same signature', () => {
    expect(JSON.stringify(buildReceipt(SAMPLE_SOURCE))).toBe(JSON.stringify(buildReceipt({ ...SAMPLE_SOURCE })));
  });

  it('keeps to the masked names it is given: no unmasked field is added', () => {
    const text = JSON.stringify(buildReceipt(SAMPLE_SOURCE));
    expect(text).toContain('"*三"');
    expect(text).not.toContain('zhangsan');
  });
});

describe('receiptNumber', () => {
  const id = SAMPLE_SOURCE.operationId;
  // 16:00:01 UTC is 00:00:01 the next day in Shanghai: the receipt is dated as people read it.
  const at = new Date('2026-12-07T16:00:01Z');

  it('is the Shanghai date, a code for the view and the operation id', () => {
    expect(receiptNumber('CUSTOMER', 'PAYMENT', id, at)).toBe('2026120801019AF4C27D1E7A3B9C4D5E6F7A8B9C0D');
  });

  it('differs between the two sides of one operation', () => {
    const numbers = [
      receiptNumber('CUSTOMER', 'TRANSFER_OUT', id, at),
      receiptNumber('CUSTOMER', 'TRANSFER_IN', id, at),
      receiptNumber('CUSTOMER', 'PAYMENT', id, at),
      receiptNumber('MERCHANT', 'PAYMENT', id, at),
    ];
    expect(new Set(numbers).size).toBe(4);
  });

  it('refuses a view no one holds (a merchant receipt of a top-up)', () => {
    expect(() => receiptNumber('MERCHANT', 'TOP_UP', id, at)).toThrow(TypeError);
  });
});
