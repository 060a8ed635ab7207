import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it.each([
    [{ 'x-forwarded-for': '203.0.113.7' }, '203.0.113.7'],
    [{ 'x-forwarded-for': '10.0.0.1, 198.51.100.2' }, '198.51.100.2'],
    [{ 'x-forwarded-for': ['1.1.1.1', '2.2.2.2'] }, '2.2.2.2'],
    [{ 'x-forwarded-for': '::ffff:127.0.0.1' }, '127.0.0.1'],
    [{ 'x-forwarded-for': '2001:db8::1' }, '2001:db8::1'],
    [{ 'x-forwarded-for': 'evil key with spaces; drop' }, 'unknown'],
    [{ 'x-forwarded-for': '1.2.3.4:80' }, 'unknown'],
    [{}, 'unknown'],
    [{ 'x-forwarded-for': ' , ' }, 'unknown'],
  ])('%j → %s', (headers, expected) => {
    expect(clientIp(headers)).toBe(expected);
  });

  it('reads a Headers object too', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '192.0.2.1' }))).toBe('192.0.2.1');
  });
});
