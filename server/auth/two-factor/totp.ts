// Authenticator-app codes (TOTP, RFC 6238: SHA-1, 6 digits, 30 s) through otpauth. A code is
// accepted one step either side of now (clock drift) and only once: the caller stores the
// step it matched and refuses that step and earlier ones afterwards.
import { Secret, TOTP } from 'otpauth';

const ISSUER = '钱包 Wallet';

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or is given by hand. */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The time step the code matches (now ± 1), or null. */
export function matchTotpStep(secretBase32: string, token: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(token)) return null;
  const otp = totp(secretBase32);
  const delta = otp.validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : otp.counter({ timestamp: now }) + delta;
}

/** The code an authenticator app shows at `now` (tests and the seed's printout). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}
