import { describe, expect, it } from 'vitest';
import { merchantBackUrl, safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['https://shop.example/return?order=1', 'https://shop.example/return?order=1'],
    ['http://localhost:3000/demo-store/orders/DS-1', 'http://localhost:3000/demo-store/orders/DS-1'],
    ['HTTPS://Shop.Example/a b', 'https://shop.example/a%20b'],
  ])('keeps the http(s) URL %s', (raw, expected) => {
    expect(safeReturnUrl(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://shop.example/file',
    '/relative/path',
    '//evil.example/path',
    'https://wallet.example@evil.example/',
    'https://user:pass@shop.example/',
    'not a url',
  ])('drops %s', (raw) => {
    expect(safeReturnUrl(raw)).toBeNull();
  });
});

describe('merchantBackUrl', () => {
  it('is the order return_url when it is safe', () => {
    expect(merchantBackUrl('https://shop.example/orders/1', 'https://api.shop.example/notify')).toBe(
      'https://shop.example/orders/1',
    );
  });

  it("falls back to the home page of the merchant's site (the notify_url's origin)", () => {
    expect(merchantBackUrl(null, 'https://shop.example:8443/api/notify?x=1')).toBe('https://shop.example:8443/');
    expect(merchantBackUrl('javascript:alert(1)', 'https://shop.example/api/notify')).toBe('https://shop.example/');
  });

  it('is null when neither is a plain http(s) address', () => {
    expect(merchantBackUrl(null, null)).toBeNull();
    expect(merchantBackUrl('data:text/html,x', 'javascript:alert(1)')).toBeNull();
    expect(merchantBackUrl(undefined, 'https://user:pw@evil.example/notify')).toBeNull();
  });
});
