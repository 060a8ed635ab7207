import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, type WriteRequest } from './cross-site-write';

const post = (over: Partial<WriteRequest>): WriteRequest => ({
  method: 'POST',
  origin: 'http://localhost:3000',
  secFetchSite: 'same-origin',
  host: 'localhost:3000',
  ...over,
});

describe('isCrossSiteWrite', () => {
  it.each<[string, WriteRequest]>([
    ['a form posted from another site', post({ origin: 'https://evil.example', secFetchSite: 'cross-site' })],
    [
      'another origin without Sec-Fetch-Site (an older browser)',
      post({ origin: 'https://evil.example', secFetchSite: null }),
    ],
    ['Origin: null (a sandboxed frame)', post({ origin: 'null', secFetchSite: null })],
    ['a garbled Origin', post({ origin: 'not a url' })],
    ['the same host on another port', post({ origin: 'http://localhost:3001' })],
    ['a sibling subdomain', post({ origin: 'https://pay.evil.wallet.example', host: 'wallet.example' })],
    ['marked cross-site even without Origin', post({ origin: null, secFetchSite: 'cross-site' })],
    ['PUT and DELETE as well as POST', post({ method: 'DELETE', origin: 'https://evil.example' })],
  ])('refuses %s', (_what, request) => {
    expect(isCrossSiteWrite(request)).toBe(true);
  });

  it.each<[string, WriteRequest]>([
    ['a form of the wallet itself', post({})],
    ['its own origin with the host in capitals', post({ origin: 'http://LOCALHOST:3000' })],
    [
      'a caller that is not a browser page (no Origin: the merchant API, signed notices)',
      post({ origin: null, secFetchSite: null }),
    ],
    [
      'a cross-site GET (a link)',
      { method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', host: 'localhost:3000' },
    ],
    ['behind a proxy: the forwarded host matches', post({ origin: 'https://wallet.example', host: 'wallet.example' })],
  ])('lets through %s', (_what, request) => {
    expect(isCrossSiteWrite(request)).toBe(false);
  });
});
