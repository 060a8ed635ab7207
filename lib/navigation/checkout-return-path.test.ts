import { describe, expect, it } from 'vitest';
import { checkoutReturnPath, topUpReturnTarget, withCheckoutReturn } from './checkout-return-path';

const ORDER = '0195f7c2-8a4b-7c3d-9e1f-0123456789ab';

describe('checkoutReturnPath', () => {
  it('keeps the path of a checkout', () => {
    expect(checkoutReturnPath(`/pay/${ORDER}`)).toBe(`/pay/${ORDER}`);
  });

  it.each([
    ['another site', `https://evil.example/pay/${ORDER}`],
    ['a protocol-relative path', `//evil.example/pay/${ORDER}`],
    ['another page of the wallet', '/withdraw'],
    ['a checkout sub-page', `/pay/${ORDER}/result`],
    ['a query or fragment', `/pay/${ORDER}?x=1`],
    ['upper-case or malformed ids', `/pay/${ORDER.toUpperCase()}`],
    ['a path with a dot segment', `/pay/../${ORDER}`],
    ['an empty string', ''],
    ['a list of values', [`/pay/${ORDER}`]],
    ['nothing', undefined],
  ])('drops %s', (_, value) => {
    expect(checkoutReturnPath(value)).toBeNull();
  });
});

describe('withCheckoutReturn', () => {
  it('adds next as a query parameter, encoded, after any query already there', () => {
    expect(withCheckoutReturn('/top-up', `/pay/${ORDER}`)).toBe(`/top-up?next=%2Fpay%2F${ORDER}`);
    expect(withCheckoutReturn('/top-up?amount=1.00', `/pay/${ORDER}`)).toBe(
      `/top-up?amount=1.00&next=%2Fpay%2F${ORDER}`,
    );
  });

  it('leaves the path alone without a checkout to return to', () => {
    expect(withCheckoutReturn('/activity/x', null)).toBe('/activity/x');
  });
});

describe('topUpReturnTarget', () => {
  const checkout = `/pay/${ORDER}`;

  it('goes back to the checkout once the top-up succeeded', () => {
    expect(topUpReturnTarget('op-1', 'SUCCEEDED', checkout)).toBe(checkout);
  });

  it("shows the top-up's page, with the way back, while it is pending or when it failed", () => {
    expect(topUpReturnTarget('op-1', 'PENDING', checkout)).toBe(`/activity/op-1?next=%2Fpay%2F${ORDER}`);
    expect(topUpReturnTarget('op-1', 'FAILED', checkout)).toBe(`/activity/op-1?next=%2Fpay%2F${ORDER}`);
  });

  it("shows the top-up's page without a checkout", () => {
    expect(topUpReturnTarget('op-1', 'SUCCEEDED', null)).toBe('/activity/op-1');
  });
});
