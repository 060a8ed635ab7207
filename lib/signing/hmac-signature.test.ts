import { describe, expect, it } from 'vitest';
import { requestSigningPayload, signPayload, signPayloadWithSecrets, verifyPayloadSignature } from './hmac-signature';

const SECRET = 'test-secret';
const NOW = 1_800_000_000;

describe('verifyPayloadSignature', () => {
  const body = '{"amount":10000}';
  const header = signPayload(body, SECRET, NOW);

  it('accepts what signPayload produced', () => {
    expect(verifyPayloadSignature(body, header, SECRET, 300, NOW)).toEqual({ ok: true, timestamp: NOW });
  });

  it.each([
    ['a changed byte', '{"amount":10001}', header, 'MISMATCH'],
    ['another secret', body, signPayload(body, 'other', NOW), 'MISMATCH'],
    ['a missing header', body, undefined, 'MISSING'],
    ['an empty header', body, '', 'MISSING'],
    ['no signature', body, `t=${NOW}`, 'MALFORMED'],
    ['no timestamp', body, header.split(',')[1], 'MALFORMED'],
    ['a non-numeric timestamp', body, header.replace(`t=${NOW}`, 't=abc'), 'MALFORMED'],
    ['a short signature', body, `t=${NOW},v1=abcd`, 'MALFORMED'],
    ['an old timestamp', body, signPayload(body, SECRET, NOW - 301), 'TOO_OLD'],
    ['a future timestamp', body, signPayload(body, SECRET, NOW + 301), 'IN_FUTURE'],
  ])('refuses %s', (_name, payload, sig, reason) => {
    expect(verifyPayloadSignature(payload as string, sig as string | undefined, SECRET, 300, NOW)).toEqual({
      ok: false,
      reason,
    });
  });

  it('accepts any matching v1 among several (secret rotation)', () => {
    const other = signPayload(body, 'old-secret', NOW).split(',')[1];
    expect(verifyPayloadSignature(body, `${header},${other}`, SECRET, 300, NOW).ok).toBe(true);
  });

  it('binds a request signature to its method and path', () => {
    const signed = signPayload(requestSigningPayload('POST', '/api/payouts', body), SECRET, NOW);
    expect(
      verifyPayloadSignature(requestSigningPayload('POST', '/api/debits', body), signed, SECRET, 300, NOW).ok,
    ).toBe(false);
  });
});

describe('signPayloadWithSecrets (a secret being rotated)', () => {
  const body = '{"id":"evt_1"}';

  it('carries one v1 per secret, so a receiver holding either one accepts it', () => {
    const header = signPayloadWithSecrets(body, ['new-secret', 'old-secret'], NOW);
    expect(header.split(',').filter((part) => part.startsWith('v1='))).toHaveLength(2);
    expect(verifyPayloadSignature(body, header, 'new-secret', 300, NOW).ok).toBe(true);
    expect(verifyPayloadSignature(body, header, 'old-secret', 300, NOW).ok).toBe(true);
    expect(verifyPayloadSignature(body, header, 'another-secret', 300, NOW)).toEqual({ ok: false, reason: 'MISMATCH' });
  });

  it('with one secret is exactly signPayload', () => {
    expect(signPayloadWithSecrets(body, ['s'], NOW)).toBe(signPayload(body, 's', NOW));
  });

  it('refuses to sign with no secret at all', () => {
    expect(() => signPayloadWithSecrets(body, [], NOW)).toThrow(TypeError);
  });
});
