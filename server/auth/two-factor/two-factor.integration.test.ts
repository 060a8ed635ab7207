// Two-step verification against real PostgreSQL: enrolment needs a first correct code and
// gives recovery codes once; sign-in then needs the app's code (each step once, even when
// two requests race) or a recovery code (each once); admins cannot turn it off.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../scripts/test/integration-db';
import { signUp } from '../sign-up';
import { checkSignIn } from '../sign-in';
import { currentTotp } from './totp';
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  startTwoFactorEnrolment,
  twoFactorEnabled,
  verifySecondFactor,
} from './two-factor';

const db = testDb();
afterAll(() => db.$disconnect());

const PASSWORD = 'a-good-long-password';
const ip = () => `203.0.113.${randomInt(1, 255)}`;

async function enrolledUser(role: 'CUSTOMER' | 'ADMIN' = 'CUSTOMER') {
  const email = `tf-${randomUUID()}@example.com`;
  const r = await signUp(db, { email, displayName: '两步', password: PASSWORD });
  if (!r.ok) throw new Error('sign-up failed');
  if (role === 'ADMIN') await db.user.update({ where: { id: r.userId }, data: { role } });
  const { secret } = await startTwoFactorEnrolment(db, r.userId);
  // The step before now: it enables, leaving this step's code free for the test.
  const { recoveryCodes } = await confirmTwoFactorEnrolment(db, r.userId, currentTotp(secret, Date.now() - 30_000));
  return { email, userId: r.userId, secret, recoveryCodes };
}

describe('two-step verification', () => {
  it('is on only after a first correct code, and keeps the secret encrypted', async () => {
    const email = `tf-${randomUUID()}@example.com`;
    const r = await signUp(db, { email, displayName: '两步', password: PASSWORD });
    if (!r.ok) throw new Error('sign-up failed');
    const { secret, uri } = await startTwoFactorEnrolment(db, r.userId);
    expect(uri).toContain(secret);
    const row = await db.userTotp.findUniqueOrThrow({ where: { userId: r.userId } });
    expect(row.secretCiphertext).not.toContain(secret);
    expect(await twoFactorEnabled(db, r.userId)).toBe(false);
    await expect(
      confirmTwoFactorEnrolment(db, r.userId, currentTotp(secret, Date.now() - 300_000)),
    ).rejects.toMatchObject({ code: 'WRONG_TWO_FACTOR_CODE' });
    expect(await twoFactorEnabled(db, r.userId)).toBe(false);
    const { recoveryCodes } = await confirmTwoFactorEnrolment(db, r.userId, currentTotp(secret));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await twoFactorEnabled(db, r.userId)).toBe(true);
    await expect(startTwoFactorEnrolment(db, r.userId)).rejects.toMatchObject({ code: 'TWO_FACTOR_STATE' });
  });

  it('sign-in asks for the code after the password, and takes each code once even when two race', async () => {
    const { email, userId, secret } = await enrolledUser();
    expect(await checkSignIn(db, { email, password: PASSWORD, ip: ip() })).toEqual({
      ok: false,
      reason: 'TWO_FACTOR_REQUIRED',
    });
    expect(await checkSignIn(db, { email, password: 'wrong', ip: ip() })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await checkSignIn(db, { email, password: PASSWORD, secondFactor: '000000', ip: ip() })).toMatchObject({
      ok: false,
    });
    const code = currentTotp(secret);
    const results = await Promise.all(
      [1, 2, 3].map(() => checkSignIn(db, { email, password: PASSWORD, secondFactor: code, ip: ip() })),
    );
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, userId }]);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'INVALID_TWO_FACTOR' },
      { ok: false, reason: 'INVALID_TWO_FACTOR' },
    ]);
  });

  it('a recovery code signs in once, typed in any case, with or without the dash', async () => {
    const { email, userId, recoveryCodes } = await enrolledUser();
    const [first] = recoveryCodes;
    expect(
      await checkSignIn(db, {
        email,
        password: PASSWORD,
        secondFactor: first!.toLowerCase().replace('-', ' '),
        ip: ip(),
      }),
    ).toEqual({ ok: true, userId });
    expect(await verifySecondFactor(db, userId, first!)).toBe(false);
    expect(await verifySecondFactor(db, userId, 'ABCDE-FGHJK')).toBe(false);
  });

  it('a customer turns it off with a code; an admin cannot', async () => {
    const customer = await enrolledUser();
    await expect(disableTwoFactor(db, customer.userId, '000000')).rejects.toMatchObject({
      code: 'WRONG_TWO_FACTOR_CODE',
    });
    await disableTwoFactor(db, customer.userId, customer.recoveryCodes[1]!);
    expect(await twoFactorEnabled(db, customer.userId)).toBe(false);
    expect(await db.totpRecoveryCode.count({ where: { userId: customer.userId } })).toBe(0);

    const admin = await enrolledUser('ADMIN');
    await expect(disableTwoFactor(db, admin.userId, currentTotp(admin.secret))).rejects.toMatchObject({
      code: 'TWO_FACTOR_STATE',
    });
    expect(await twoFactorEnabled(db, admin.userId)).toBe(true);
  });
});
