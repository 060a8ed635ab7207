// Plausible holder details for the customers the bank opens in tests and demos: a valid
// 居民身份证号 (check character as the wallet's form checks it) and a 170… mobile number.
import { randomInt } from 'node:crypto';
import { residentIdCheckChar } from '../../lib/china-id/resident-id-number';

/** A random valid one: Beijing Dongcheng, born 1970–1999, any sequence. */
export function randomResidentIdNumber(): string {
  const birth = `${1970 + randomInt(30)}${String(1 + randomInt(12)).padStart(2, '0')}${String(1 + randomInt(28)).padStart(2, '0')}`;
  const first17 = `110101${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A random mobile number of the 170 range the seed never uses. */
export function randomPhoneNumber(): string {
  return `170${String(randomInt(100_000_000)).padStart(8, '0')}`;
}
