import { describe, expect, it } from 'vitest';
import { safeCallback } from './safe-callback';

describe('safeCallback', () => {
  it.each([
    ['/activity', '/activity'],
    ['/pay/abc?x=1', '/pay/abc?x=1'],
    [['/me', '/other'], '/me'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('%j → %s', (input, expected) => {
    expect(safeCallback(input)).toBe(expected);
  });
});
