import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = sealSecret('JBSWY3DPEHPK3PXP', 'totp');
    const b = sealSecret('JBSWY3DPEHPK3PXP', 'totp');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(a, 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext moved to another purpose or changed by one character', () => {
    const sealed = sealSecret('secret', 'totp');
    expect(() => openSecret(sealed, 'id-number')).toThrow();
    const parts = sealed.split('.');
    parts[2] = (parts[2]![0] === 'A' ? 'B' : 'A') + parts[2]!.slice(1);
    expect(() => openSecret(parts.join('.'), 'totp')).toThrow();
    expect(() => openSecret('garbage', 'totp')).toThrow();
  });
});
