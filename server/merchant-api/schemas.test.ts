import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/domain-errors';
import { parseInputOrThrow } from './parse-input-or-throw';
import { parseJsonBody } from './parse-json-body';
import { CreateOrderRequest, ListQuery, RefundRequest, ShipmentRequest } from './schemas';
import { BAD_AMOUNTS } from './testing/bad-amounts';

const base = { merchant_order_no: 'A-1', subject: '咖啡豆' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).field;
  }
  return undefined;
}

describe('amount', () => {
  it.each(BAD_AMOUNTS)('refuses %s naming amount (create order and refund)', (raw) => {
    const order = parseJsonBody(`{"merchant_order_no":"A-1","subject":"x","amount":${raw}}`);
    expect(fieldOf(() => parseInputOrThrow(CreateOrderRequest, order))).toBe('amount');
    const refund = parseJsonBody(`{"amount":${raw}}`);
    expect(fieldOf(() => parseInputOrThrow(RefundRequest, refund))).toBe('amount');
  });

  it('accepts 1 and 10^15', () => {
    expect(parseInputOrThrow(CreateOrderRequest, { ...base, amount: 1 }).amount).toBe(1);
    expect(parseInputOrThrow(RefundRequest, { amount: 10 ** 15 }).amount).toBe(10 ** 15);
  });
});

describe('create order', () => {
  it('defaults currency and expires_in and ignores unknown fields', () => {
    const input = parseInputOrThrow(CreateOrderRequest, { ...base, amount: 100, status: 'PAID', fee: 0, balance: 1 });
    expect(input).toEqual({ ...base, amount: 100, currency: 'CNY', expires_in: 1800 });
  });

  it.each([
    [{ merchant_order_no: 'a b' }, 'merchant_order_no'],
    [{ merchant_order_no: 'x'.repeat(65) }, 'merchant_order_no'],
    [{ subject: '' }, 'subject'],
    [{ subject: 'x'.repeat(129) }, 'subject'],
    [{ currency: 'USD' }, 'currency'],
    [{ notify_url: 'javascript:alert(1)' }, 'notify_url'],
    [{ return_url: 'ftp://shop.example/x' }, 'return_url'],
    [{ expires_in: 59 }, 'expires_in'],
    [{ expires_in: 86_401 }, 'expires_in'],
    [{ subject: 'invoice\u202Etxt.exe' }, 'subject'],
    [{ subject: '咖啡\u200B豆' }, 'subject'],
    [{ subject: 'a\u0000b' }, 'subject'],
  ])('refuses %j naming %s', (patch, field) => {
    expect(fieldOf(() => parseInputOrThrow(CreateOrderRequest, { ...base, amount: 100, ...patch }))).toBe(field);
  });

  it('says which hidden character made a text field fail (refund reason, shipment too)', () => {
    expect(() => parseInputOrThrow(CreateOrderRequest, { ...base, amount: 100, subject: 'ab\u2066c' })).toThrow(
      'subject: must not contain a text direction control character (U+2066 at character 3)',
    );
    expect(fieldOf(() => parseInputOrThrow(RefundRequest, { amount: 1, reason: '退\uFEFF款' }))).toBe('reason');
    expect(fieldOf(() => parseInputOrThrow(ShipmentRequest, { carrier: '顺丰\u200F', tracking_number: 'SF1' }))).toBe(
      'carrier',
    );
    expect(parseInputOrThrow(CreateOrderRequest, { ...base, amount: 100, subject: '家庭套餐 👨‍👩‍👧' }).subject).toBe(
      '家庭套餐 👨‍👩‍👧',
    );
  });

  it('names the body when it is not an object', () => {
    expect(fieldOf(() => parseInputOrThrow(CreateOrderRequest, [1]))).toBe('body');
  });
});

describe('list query', () => {
  it('caps limit=1000000 at 100', () => {
    expect(parseInputOrThrow(ListQuery, { limit: '1000000' }).limit).toBe(100);
    expect(fieldOf(() => parseInputOrThrow(ListQuery, { limit: '-1' }))).toBe('limit');
  });
});
