// The payment PIN's storage: HMAC-SHA256(pepper, salt || pin). Six digits are only a million
// values, so no hash makes a stolen table safe by itself: the pepper (PIN_PEPPER, a server
// secret never stored beside the hashes) does that, and the attempt limit
// (verify-payment-pin.ts) is what stops guessing. The check is therefore one HMAC, cheap.
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export const PIN_SALT_BYTES = 16;

export function newPinSalt(): Buffer {
  return randomBytes(PIN_SALT_BYTES);
}

export function hashPin(pin: string, salt: Uint8Array, pepper: string = env().PIN_PEPPER): Buffer {
  return createHmac('sha256', pepper).update(salt).update(pin, 'utf8').digest();
}

/** Constant-time comparison of the stored hash with the hash of the given PIN. */
export function pinMatches(
  pin: string,
  salt: Uint8Array,
  storedHash: Uint8Array,
  pepper: string = env().PIN_PEPPER,
): boolean {
  const actual = hashPin(pin, salt, pepper);
  return storedHash.length === actual.length && timingSafeEqual(actual, storedHash);
}
