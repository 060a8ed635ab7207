import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPin, newPinSalt, PIN_SALT_BYTES, pinMatches } from './pin-hash';

const PEPPER = 'a-test-pepper-that-is-long-enough-0123456789';

describe('payment PIN hashing', () => {
  it('is HMAC-SHA256 keyed with the pepper over salt || pin', () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const expected = createHmac('sha256', PEPPER)
      .update(Buffer.concat([salt, Buffer.from('135790')]))
      .digest();
    expect(hashPin('135790', salt, PEPPER).equals(expected)).toBe(true);
  });

  it('matches the right PIN only', () => {
    const salt = newPinSalt();
    const stored = hashPin('135790', salt, PEPPER);
    expect(pinMatches('135790', salt, stored, PEPPER)).toBe(true);
    expect(pinMatches('135791', salt, stored, PEPPER)).toBe(false);
    expect(pinMatches('', salt, stored, PEPPER)).toBe(false);
  });

  it('depends on the salt and on the pepper', () => {
    const a = newPinSalt();
    const b = newPinSalt();
    expect(a).toHaveLength(PIN_SALT_BYTES);
    expect(a.equals(b)).toBe(false);
    expect(hashPin('135790', a, PEPPER).equals(hashPin('135790', b, PEPPER))).toBe(false);
    const stored = hashPin('135790', a, PEPPER);
    expect(pinMatches('135790', a, stored, 'another-pepper-that-is-long-enough-987654')).toBe(false);
  });

  it('refuses a stored hash of another length without throwing', () => {
    const salt = newPinSalt();
    expect(pinMatches('135790', salt, new Uint8Array(16), PEPPER)).toBe(false);
  });
});
