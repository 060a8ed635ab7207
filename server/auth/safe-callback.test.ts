import { describe, expect, it } from 'vitest';
import { safeCallback } from './safe-callback';

describe('safeCallback', () => {
  it.each([
    ['/activity', '/activity'],
    ['/pay/abc?x=1', '/pay/abc?x=1'],
    ['/activity?month=2026-11#top', '/activity?month=2026-11#top'],
    [['/me', '/other'], '/me'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // an encoded slash stays part of our path
    ['/a/../me', '/me'],
  ])('keeps our own path %j → %s', (input, expected) => {
    expect(safeCallback(input)).toBe(expected);
  });

  it.each([
    ['//evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r/evil.example'],
    ['/\r\nSet-Cookie: x=1'],
    ['/ /evil.example'],
    ['/\u0000/evil.example'],
    ['/.//evil.example'],
    ['/a/..//evil.example'],
    ['/./\\evil.example'],
    ['https://evil.example'],
    ['HTTPS://evil.example/'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['data:text/html,x'],
    ['evil.example'],
    ['%2F%2Fevil.example'],
    ['/\u2028/evil.example'],
    ['/\ufeff/evil.example'],
    ['/' + 'a'.repeat(3000)],
    [''],
    [undefined],
  ])('sends %j to /', (input) => {
    expect(safeCallback(input)).toBe('/');
  });
});
