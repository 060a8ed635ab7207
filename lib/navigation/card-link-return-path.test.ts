import { describe, expect, it } from 'vitest';
import { cardLinkReturnPath, linkCardHref, withLinkedCard } from './card-link-return-path';

const ORDER = '0195f7c2-8a4b-7c3d-9e1f-0123456789ab';
const CHECKOUT = `/pay/${ORDER}`;

describe('cardLinkReturnPath', () => {
  it.each([
    ['a top-up', '/top-up', '/top-up'],
    ['a withdrawal', '/withdraw', '/withdraw'],
    ['a checkout', CHECKOUT, CHECKOUT],
    [
      'a top-up begun from a checkout',
      `/top-up?next=${encodeURIComponent(CHECKOUT)}`,
      `/top-up?next=%2Fpay%2F${ORDER}`,
    ],
    [
      'a top-up with the amount the checkout asked for',
      `/top-up?amount=12.50&next=${encodeURIComponent(CHECKOUT)}`,
      `/top-up?amount=12.50&next=%2Fpay%2F${ORDER}`,
    ],
  ])('keeps %s', (_, value, expected) => {
    expect(cardLinkReturnPath(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/top-up'],
    ['a protocol-relative path', '//evil.example/top-up'],
    ['a backslash path', '/\\evil.example/top-up'],
    ['another page of the wallet', '/transfer'],
    ['a dot segment out of the flow', '/top-up/../admin'],
    ['a sub-page', '/top-up/return'],
    ['an unknown parameter', '/top-up?x=1'],
    ['a next that is not a checkout', '/top-up?next=https://evil.example'],
    ['a next on a withdrawal', `/withdraw?next=${encodeURIComponent(CHECKOUT)}`],
    ['a repeated parameter', `/top-up?amount=1&amount=2`],
    ['an amount that is not one', '/top-up?amount=1e9'],
    ['a fragment', '/top-up#x'],
    ['an empty string', ''],
    ['a list of values', ['/top-up']],
    ['nothing', undefined],
  ])('drops %s', (_, value) => {
    expect(cardLinkReturnPath(value)).toBeNull();
  });
});

describe('withLinkedCard', () => {
  it('chooses the new card on a top-up or withdrawal, after any query already there', () => {
    expect(withLinkedCard('/withdraw', 'abc')).toBe('/withdraw?card=abc');
    expect(withLinkedCard(`/top-up?next=%2Fpay%2F${ORDER}`, 'abc')).toBe(`/top-up?next=%2Fpay%2F${ORDER}&card=abc`);
  });

  it('returns to a checkout as it was', () => {
    expect(withLinkedCard(CHECKOUT, 'abc')).toBe(CHECKOUT);
  });
});

describe('linkCardHref', () => {
  it('carries the way back, encoded', () => {
    expect(linkCardHref('/top-up?next=%2Fpay%2Fx')).toBe('/bank-accounts?next=%2Ftop-up%3Fnext%3D%252Fpay%252Fx');
    expect(linkCardHref(null)).toBe('/bank-accounts');
  });
});
