import { describe, expect, it } from 'vitest';
import { isPublicAddress, literalAddress, publicOnlyLookup } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.1', 'documentation'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00::1', 'IPv6 unique local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['not an address', 'not an IP'],
    ['', 'empty'],
  ])('%s (%s) is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '203.0.114.7', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('literalAddress', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['[::ffff:7f00:1]', '::ffff:7f00:1'],
    ['shop.example', null],
    ['localhost', null],
  ])('%s → %s', (hostname, expected) => {
    expect(literalAddress(hostname)).toBe(expected);
  });

  it('the URL parser writes numeric hosts as dotted IPv4, which is checked like any literal', () => {
    expect(literalAddress(new URL('http://2130706433/notify').hostname)).toBe('127.0.0.1');
    expect(literalAddress(new URL('http://0x7f.1/notify').hostname)).toBe('127.0.0.1');
  });
});

describe('publicOnlyLookup', () => {
  const lookup = (hostname: string, all: boolean) =>
    new Promise<{ error: (Error & { code?: string }) | null; address: unknown }>((resolve) => {
      publicOnlyLookup(hostname, { all }, (error, address) => resolve({ error, address }));
    });

  it.each([false, true])('refuses a name that resolves to a loopback address (all: %s)', async (all) => {
    const { error } = await lookup('localhost', all);
    expect(error?.code).toBe('EPRIVATEADDRESS');
    expect(error?.message).toMatch(/^localhost is (127\.0\.0\.1|::1), a private or reserved address/);
  });
});
