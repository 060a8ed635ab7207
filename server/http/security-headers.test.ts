import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  FIXED_SECURITY_HEADERS,
  isHttpsRequest,
  newNonce,
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers';

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, and what they load, in production', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==', https: false, development: false }));
    expect(csp['script-src']).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp['style-src']).toBe("'self' 'nonce-abc123=='");
    expect(csp['style-src-attr']).toBe("'unsafe-inline'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['base-uri']).toBe("'self'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['form-action']).toBe("'self'");
    expect(csp['default-src']).toBe("'self'");
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  });

  it("adds 'unsafe-eval' and inline styles only in development", () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n', https: false, development: true }));
    expect(csp['script-src']).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ nonce: 'n', https: false, development: false })).not.toContain('unsafe-eval');
  });

  it('upgrades insecure requests only over https', () => {
    expect(contentSecurityPolicy({ nonce: 'n', https: true, development: false })).toContain(
      'upgrade-insecure-requests',
    );
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only over https, and the rest always', () => {
    const plain = securityHeaders({ nonce: 'n', https: false, development: false });
    expect(plain).not.toHaveProperty('Strict-Transport-Security');
    expect(plain['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(plain['X-Frame-Options']).toBe('DENY');
    expect(plain['Permissions-Policy']).toContain('camera=(self)');
    for (const denied of ['geolocation=()', 'microphone=()', 'payment=()'])
      expect(plain['Permissions-Policy']).toContain(denied);
    const secure = securityHeaders({ nonce: 'n', https: true, development: false });
    expect(secure['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });
});

describe('isHttpsRequest', () => {
  it.each<[string, string | null, boolean]>([
    ['http://localhost:3000/', null, false],
    ['https://wallet.example/', null, true],
    ['http://localhost:3000/', 'https', true],
    ['http://localhost:3000/', 'HTTPS', true],
    ['http://localhost:3000/', 'https, http', true], // the first proxy's view
    ['http://localhost:3000/', 'http, https', false],
    ['http://localhost:3000/', 'http', false],
  ])('%s with X-Forwarded-Proto %s → %s', (url, proto, https) => {
    expect(isHttpsRequest(url, proto)).toBe(https);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('next.config.js', () => {
  it('gives the static files the proxy does not see the same fixed headers, and HSTS over https', async () => {
    // @ts-expect-error next.config.js is plain JavaScript without types
    const config = (await import('../../next.config.js')).default as {
      headers: () => Promise<{ source: string; has?: unknown[]; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    const always = rules.find((rule) => rule.source === '/:path*' && !rule.has)!;
    expect(Object.fromEntries(always.headers.map((h) => [h.key, h.value]))).toEqual(FIXED_SECURITY_HEADERS);
    const https = rules.find((rule) => rule.has)!;
    expect(https.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: 'https' }]);
    expect(https.headers).toEqual([{ key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY }]);
  });
});
