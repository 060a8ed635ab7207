import { describe, expect, it } from 'vitest';
import { clientAddress } from './request-metadata';

describe('clientAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7, 10.0.0.2', '203.0.113.7'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['2001:db8::1, 10.0.0.1', '2001:db8::1'],
    ['', null],
    [null, null],
  ])('%j → %j', (header, expected) => {
    expect(clientAddress(header)).toBe(expected);
  });
});
