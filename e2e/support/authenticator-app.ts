// The user's authenticator app: shows the current six-digit code for a secret (RFC 6238,
// SHA-1, 30 s), as a phone would. The tests use otpauth directly, not the wallet's code.
import { Secret, TOTP } from 'otpauth';

export function currentTotp(secretBase32: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: now,
  });
}
