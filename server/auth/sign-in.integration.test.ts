import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { checkCredentials, MAX_FAILED_SIGN_INS } from './sign-in';
import { signUp } from './sign-up';

const db = testDb();
afterAll(() => db.$disconnect());

const PASSWORD = 'a-good-long-password';

async function newUser() {
  const email = `s-${randomUUID()}@example.com`;
  const r = await signUp(db, { email, displayName: '测试', password: PASSWORD });
  if (!r.ok) throw new Error('sign-up failed');
  return email;
}

describe('checkCredentials', () => {
  it('accepts the right password and resets the failure count', async () => {
    const email = await newUser();
    expect(await checkCredentials(db, email, 'wrong-password')).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect((await checkCredentials(db, email.toUpperCase(), PASSWORD)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).failedSignInCount).toBe(0);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    expect(await checkCredentials(db, `nobody-${randomUUID()}@example.com`, PASSWORD)).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('locks the account for 30 minutes after 10 failures, refusing even the right password', async () => {
    const email = await newUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await checkCredentials(db, email, `wrong-${i}`)).ok).toBe(false);
    }
    expect(await checkCredentials(db, email, PASSWORD)).toEqual({ ok: false, reason: 'LOCKED' });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const minutes = (user.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30.1);
  });

  it('counts concurrent failures exactly', async () => {
    const email = await newUser();
    await Promise.all(Array.from({ length: MAX_FAILED_SIGN_INS }, (_, i) => checkCredentials(db, email, `bad-${i}`)));
    expect(await checkCredentials(db, email, PASSWORD)).toEqual({ ok: false, reason: 'LOCKED' });
  });

  it('lets the user in again once the lock has expired (the lock is in the database)', async () => {
    const email = await newUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await checkCredentials(db, email, `wrong-${i}`);
    await db.user.update({ where: { email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await checkCredentials(db, email, PASSWORD)).ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.failedSignInCount).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });
});
