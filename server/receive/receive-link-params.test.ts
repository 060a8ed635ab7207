import { describe, expect, it } from 'vitest';
import { readReceiveLinkParams, receiveCodePath } from './receive-link-params';

const CODE = 'AbCdEfGhIjKlMnOpQrStUv';

function codeOf(fn: () => unknown): { code: string; field?: string; reason?: unknown } {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; field?: string; details?: { reason?: unknown } };
    return { code: e.code, field: e.field, reason: e.details?.reason };
  }
  throw new Error('expected an error');
}

describe('readReceiveLinkParams', () => {
  it('reads nothing as nothing', () => {
    expect(readReceiveLinkParams({})).toEqual({ amount: null, memo: null });
    expect(readReceiveLinkParams({ amount: '', memo: '' })).toEqual({ amount: null, memo: null });
  });

  it('reads an amount in yuan and a trimmed memo', () => {
    expect(readReceiveLinkParams({ amount: '8.88', memo: ' 午饭 ' })).toEqual({ amount: 888n, memo: '午饭' });
    expect(readReceiveLinkParams({ amount: '８．８８' })).toEqual({ amount: 888n, memo: null });
  });

  it.each([
    ['zero', '0', 'ZERO'],
    ['three decimals', '1.234', 'TOO_MANY_DECIMALS'],
    ['a sign', '-5', 'SIGN'],
    ['words', 'abc', 'MALFORMED'],
  ])('refuses an amount with %s, naming the field', (_name, amount, reason) => {
    expect(codeOf(() => readReceiveLinkParams({ amount }))).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'amount',
      reason,
    });
  });

  it('refuses a memo too long or with a hidden character, naming the field', () => {
    expect(codeOf(() => readReceiveLinkParams({ memo: '饭'.repeat(101) }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'memo',
    });
    expect(codeOf(() => readReceiveLinkParams({ memo: 'a\u202Eb' }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'memo',
      reason: 'BIDI_CONTROL',
    });
  });

  it('refuses a field given twice', () => {
    expect(codeOf(() => readReceiveLinkParams({ amount: ['1', '2'] }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'amount',
    });
  });
});

describe('receiveCodePath', () => {
  it('is the bare code without an amount', () => {
    expect(receiveCodePath(CODE)).toBe(`/pay-to/${CODE}`);
  });

  it('carries the amount and memo, and reads back the same', () => {
    const path = receiveCodePath(CODE, { amount: 888n, memo: '午饭 & 咖啡' });
    expect(path).toBe(`/pay-to/${CODE}?amount=8.88&memo=%E5%8D%88%E9%A5%AD+%26+%E5%92%96%E5%95%A1`);
    const search = Object.fromEntries(new URL(path, 'https://w.example').searchParams);
    expect(readReceiveLinkParams(search)).toEqual({ amount: 888n, memo: '午饭 & 咖啡' });
  });
});
