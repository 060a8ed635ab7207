import { describe, expect, it } from 'vitest';
import { safeReturnUrl } from './safe-return-url';

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
