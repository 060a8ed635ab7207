import { describe, expect, it } from 'vitest';
import { currentTotp, matchTotpStep, newTotpSecret, totpUri } from './totp';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it('gives the RFC 6238 test vectors (last six digits)', () => {
    expect(currentTotp(RFC_SECRET, 59_000)).toBe('287082');
    expect(currentTotp(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(currentTotp(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
  });

  it('matches the code of now and of one step either side, with its step', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotpStep(secret, currentTotp(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, currentTotp(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, currentTotp(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, currentTotp(secret, now - 90_000), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
    expect(matchTotpStep(secret, '12345', now)).toBeNull();
  });

  it('makes a 160-bit secret and an otpauth URI naming the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'admin@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain('admin@example.com');
  });
});
