// Use cases of the authenticator app (two-factor sign-in): enrol (a new secret, shown once as
// a QR code; enabled only after a first correct code, which also gives ten one-time recovery
// codes), check a code at sign-in (each TOTP step once; each recovery code once), and turn it
// off (not for admins, who must keep it). The secret is kept encrypted.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { openSecret, sealSecret } from '../../crypto/secret-box';
import type { Db, Tx } from '../../db';
import { inTransaction } from '../../core/in-transaction';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

const PURPOSE = 'totp-secret';
export const RECOVERY_CODE_COUNT = 10;

export class WrongTwoFactorCodeError extends AppError {
  readonly code = 'WRONG_TWO_FACTOR_CODE' as const;
  /** `field`: the form field the code was typed into (the withdraw and payout forms name theirs `twoFactorCode`). */
  constructor(field = 'code') {
    super('The authenticator code is not correct or was already used', { field });
  }
}

export class TwoFactorStateError extends AppError {
  readonly code = 'TWO_FACTOR_STATE' as const;
  constructor(message: string) {
    super(message);
  }
}

/** The stored form of an authenticator secret (the seed and tests enrol with it too). */
export function sealTotpSecret(secret: string): string {
  return sealSecret(secret, PURPOSE);
}

export async function twoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const row = await db.userTotp.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

/** A new secret for the user's app (replacing an unconfirmed one); refused once enabled. */
export async function startTwoFactorEnrolment(db: Db, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totp: { select: { enabledAt: true } } },
  });
  if (user.totp?.enabledAt) throw new TwoFactorStateError('Two-factor sign-in is already on');
  const secret = newTotpSecret();
  const secretCiphertext = sealTotpSecret(secret);
  await db.userTotp.upsert({
    where: { userId },
    create: { userId, secretCiphertext },
    update: { secretCiphertext, lastUsedStep: null },
  });
  return { secret, uri: totpUri(secret, user.email) };
}

/** The first code from the app turns it on; the recovery codes are returned this once. */
export async function confirmTwoFactorEnrolment(
  db: Db,
  userId: string,
  token: string,
): Promise<{ recoveryCodes: string[] }> {
  const pending = await db.userTotp.findUnique({ where: { userId } });
  if (!pending || pending.enabledAt) throw new TwoFactorStateError('No enrolment is waiting for a code');
  const step = matchTotpStep(openSecret(pending.secretCiphertext, PURPOSE), token.trim());
  if (step === null) throw new WrongTwoFactorCodeError();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await inTransaction(db, async (tx) => {
    await tx.userTotp.update({
      where: { userId, enabledAt: null },
      data: { enabledAt: new Date(), lastUsedStep: BigInt(step) },
    });
    await tx.totpRecoveryCode.deleteMany({ where: { userId } });
    await tx.totpRecoveryCode.createMany({
      data: recoveryCodes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })),
    });
  });
  return { recoveryCodes };
}

/**
 * A code from the app (six digits: its step must be later than the last one used, set in the
 * same statement so two requests cannot both spend it) or an unused recovery code. Inside a
 * transaction (`db` a transaction client) the code is spent only if that transaction commits.
 */
export async function verifySecondFactor(db: Db | Tx, userId: string, input: string): Promise<boolean> {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{6}$/.test(code)) {
    const row = await db.userTotp.findUnique({
      where: { userId },
      select: { secretCiphertext: true, enabledAt: true },
    });
    if (!row?.enabledAt) return false;
    const step = matchTotpStep(openSecret(row.secretCiphertext, PURPOSE), code);
    if (step === null) return false;
    const spent = await db.$executeRaw`
      UPDATE user_totp SET last_used_step = ${BigInt(step)}
      WHERE user_id = ${userId}::uuid AND enabled_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ${BigInt(step)})`;
    return spent === 1;
  }
  if (!/^[A-Z2-9]{10}$/.test(code)) return false;
  const used = await db.totpRecoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

/** Turns the app off after a valid code; admins keep theirs. */
export async function disableTwoFactor(db: Db, userId: string, token: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (user.role === 'ADMIN') throw new TwoFactorStateError('Admins must keep two-factor sign-in');
  if (!(await verifySecondFactor(db, userId, token))) throw new WrongTwoFactorCodeError();
  await inTransaction(db, async (tx) => {
    await tx.totpRecoveryCode.deleteMany({ where: { userId } });
    await tx.userTotp.deleteMany({ where: { userId } });
  });
}

export async function unusedRecoveryCodeCount(db: Db, userId: string): Promise<number> {
  return db.totpRecoveryCode.count({ where: { userId, usedAt: null } });
}

// Ten characters of an alphabet without 0/O and 1/I, shown as XXXXX-XXXXX: ~50 bits, so a
// plain SHA-256 is enough to keep them (they are not guessable like a password).
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('base64url');
}
