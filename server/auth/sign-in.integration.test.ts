// Signing in without a lock a stranger can trigger: after repeated failures an emailed code
// is needed as well as the password; per-address limits stop guessers; nothing tells known
// emails from unknown ones. Real PostgreSQL (counters in rate_limits), real SMTP.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { requestSignInCode } from './request-sign-in-code';
import { checkSignIn } from './sign-in';
import { SIGN_IN_CODE_MAX_ATTEMPTS } from './sign-in-codes';
import { signInGate } from './sign-in-gate';
import { signUp } from './sign-up';

const db = testDb();
afterAll(() => db.$disconnect());

const PASSWORD = 'a-good-long-password';
const ACCOUNT_FAILURES = RATE_LIMITS.signInFailuresPerAccount.points;

/** A fresh address per test, so the counters of one test never touch another's. */
const newIp = () =>
  `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}::${randomInt(0xffff).toString(16)}`;

async function newUser() {
  const email = `s-${randomUUID()}@example.com`;
  const r = await signUp(db, { email, displayName: '测试', password: PASSWORD });
  if (!r.ok) throw new Error('sign-up failed');
  return { email, userId: r.userId };
}

async function codeFromMail(email: string): Promise<string> {
  const [mail] = await caughtMailTo(db, email);
  const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

async function fail(email: string, times: number, ip = newIp()) {
  for (let i = 0; i < times; i++) await checkSignIn(db, { email, password: `wrong-${i}`, ip });
}

describe('checkSignIn', () => {
  it('accepts the right password, any case of the email, and a success clears the failures', async () => {
    const { email, userId } = await newUser();
    await fail(email, ACCOUNT_FAILURES - 1);
    expect(await checkSignIn(db, { email: email.toUpperCase(), password: PASSWORD, ip: newIp() })).toEqual({
      ok: true,
      userId,
    });
    await fail(email, ACCOUNT_FAILURES - 1);
    expect((await checkSignIn(db, { email, password: PASSWORD, ip: newIp() })).ok).toBe(true);
  });

  it('answers an unknown email exactly like a wrong password, before and after repeated failures', async () => {
    const { email } = await newUser();
    const unknown = `nobody-${randomUUID()}@example.com`;
    expect(await checkSignIn(db, { email: unknown, password: PASSWORD, ip: newIp() })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await checkSignIn(db, { email, password: 'wrong', ip: newIp() })).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIALS',
    });
    await fail(unknown, ACCOUNT_FAILURES);
    await fail(email, ACCOUNT_FAILURES);
    expect(await checkSignIn(db, { email: unknown, password: PASSWORD, ip: newIp() })).toEqual({
      ok: false,
      reason: 'CODE_REQUIRED',
    });
    expect(await checkSignIn(db, { email, password: 'wrong', ip: newIp() })).toEqual({
      ok: false,
      reason: 'CODE_REQUIRED',
    });
  });

  it('after 11 wrong passwords from a stranger, the owner still signs in with the emailed code', async () => {
    const { email, userId } = await newUser();
    await fail(email, 11);
    const ownerIp = newIp();
    // The password alone no longer signs in, and the answer does not say whether it was right.
    expect(await checkSignIn(db, { email, password: PASSWORD, ip: ownerIp })).toEqual({
      ok: false,
      reason: 'CODE_REQUIRED',
    });
    expect(await checkSignIn(db, { email, password: 'wrong', ip: ownerIp })).toEqual({
      ok: false,
      reason: 'CODE_REQUIRED',
    });

    const asked = await requestSignInCode(db, { email, ip: ownerIp, locale: 'zh-CN' });
    if (!asked.ok) throw new Error(asked.reason);
    const code = await codeFromMail(email);
    expect((await caughtMailTo(db, email))[0]?.subject).toContain('钱包登录验证码');

    expect(
      await checkSignIn(db, { email, password: 'wrong', code, challengeId: asked.challengeId, ip: ownerIp }),
    ).toEqual({ ok: false, reason: 'INVALID_CODE' });
    // That wrong password spent the code: a new one is needed.
    const again = await requestSignInCode(db, { email, ip: ownerIp, locale: 'zh-CN' });
    if (!again.ok) throw new Error(again.reason);
    const second = await codeFromMail(email);
    expect(
      await checkSignIn(db, { email, password: PASSWORD, code: second, challengeId: again.challengeId, ip: ownerIp }),
    ).toEqual({ ok: true, userId });
    // Signed in: the failures are forgotten, the password alone works again.
    expect((await checkSignIn(db, { email, password: PASSWORD, ip: ownerIp })).ok).toBe(true);
  });

  it("a stranger's guesses never spend the owner's code, and a code works once", async () => {
    const { email, userId } = await newUser();
    await fail(email, ACCOUNT_FAILURES);
    const ownerIp = newIp();
    const owner = await requestSignInCode(db, { email, ip: ownerIp, locale: 'en' });
    if (!owner.ok) throw new Error(owner.reason);
    const code = await codeFromMail(email);
    const stranger = await requestSignInCode(db, { email, ip: newIp(), locale: 'en' });
    if (!stranger.ok) throw new Error(stranger.reason);
    for (let i = 0; i < SIGN_IN_CODE_MAX_ATTEMPTS + 2; i++) {
      const guess = String(i).padStart(6, '0');
      await checkSignIn(db, {
        email,
        password: PASSWORD,
        code: guess === code ? '999999' : guess,
        challengeId: stranger.challengeId,
        ip: newIp(),
      });
    }
    // Even the owner's code does not open the stranger's challenge.
    expect(
      (await checkSignIn(db, { email, password: PASSWORD, code, challengeId: stranger.challengeId, ip: ownerIp })).ok,
    ).toBe(false);
    await fail(email, ACCOUNT_FAILURES); // the line above cleared nothing: still needs a code
    expect(
      await checkSignIn(db, { email, password: PASSWORD, code, challengeId: owner.challengeId, ip: ownerIp }),
    ).toEqual({ ok: true, userId });
    await fail(email, ACCOUNT_FAILURES);
    expect(
      await checkSignIn(db, { email, password: PASSWORD, code, challengeId: owner.challengeId, ip: ownerIp }),
    ).toEqual({ ok: false, reason: 'INVALID_CODE' });
  });

  it('a code dies after five wrong tries, and expires', async () => {
    const { email } = await newUser();
    await fail(email, ACCOUNT_FAILURES);
    const ip = newIp();
    const asked = await requestSignInCode(db, { email, ip, locale: 'zh-CN' });
    if (!asked.ok) throw new Error(asked.reason);
    const code = await codeFromMail(email);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < SIGN_IN_CODE_MAX_ATTEMPTS; i++)
      await checkSignIn(db, { email, password: PASSWORD, code: wrong, challengeId: asked.challengeId, ip });
    expect((await checkSignIn(db, { email, password: PASSWORD, code, challengeId: asked.challengeId, ip })).ok).toBe(
      false,
    );

    const fresh = await requestSignInCode(db, { email, ip, locale: 'zh-CN' });
    if (!fresh.ok) throw new Error(fresh.reason);
    const freshCode = await codeFromMail(email);
    await db.signInCode.update({ where: { id: fresh.challengeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      (await checkSignIn(db, { email, password: PASSWORD, code: freshCode, challengeId: fresh.challengeId, ip })).ok,
    ).toBe(false);
  });

  it('counts concurrent failures exactly', async () => {
    const { email } = await newUser();
    await Promise.all(
      Array.from({ length: ACCOUNT_FAILURES }, (_, i) => checkSignIn(db, { email, password: `bad-${i}`, ip: newIp() })),
    );
    expect(await checkSignIn(db, { email, password: PASSWORD, ip: newIp() })).toEqual({
      ok: false,
      reason: 'CODE_REQUIRED',
    });
  });
});

describe('signInGate', () => {
  it('stops an address after its failures, with the time to wait, and only that address', async () => {
    const guesser = newIp();
    const { email } = await newUser();
    for (let i = 0; i < RATE_LIMITS.signInFailuresPerIp.points - 1; i++)
      await checkSignIn(db, { email: `x-${i}-${randomUUID()}@example.com`, password: 'wrong', ip: guesser });
    expect(await signInGate(guesser)).toEqual({ allowed: true });
    await checkSignIn(db, { email, password: 'wrong', ip: guesser });
    const gate = await signInGate(guesser);
    expect(gate.allowed).toBe(false);
    if (gate.allowed) return;
    expect(gate.retryAfterSeconds).toBeGreaterThan(0);
    expect(gate.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerIp.durationSeconds);
    expect(await signInGate(newIp())).toEqual({ allowed: true });
  });

  it('stops a burst of attempts from one address', async () => {
    const ip = newIp();
    const answers = [];
    for (let i = 0; i < RATE_LIMITS.signInAttemptsPerIp.points + 1; i++) answers.push((await signInGate(ip)).allowed);
    expect(answers.slice(0, -1).every(Boolean)).toBe(true);
    expect(answers.at(-1)).toBe(false);
  });
});

describe('requestSignInCode', () => {
  it('answers a known and an unknown email alike and mails only the owner', async () => {
    const { email } = await newUser();
    const unknown = `nobody-${randomUUID()}@example.com`;
    const known = await requestSignInCode(db, { email, ip: newIp(), locale: 'zh-CN' });
    const other = await requestSignInCode(db, { email: unknown, ip: newIp(), locale: 'zh-CN' });
    expect(Object.keys(known).sort()).toEqual(Object.keys(other).sort());
    expect(known.ok && other.ok).toBe(true);
    expect(await caughtMailTo(db, email)).toHaveLength(1);
    expect(await caughtMailTo(db, unknown)).toHaveLength(0);
  });

  it('mails one address at most three times per client in 15 minutes', async () => {
    const { email } = await newUser();
    const ip = newIp();
    const results = [];
    for (let i = 0; i < RATE_LIMITS.signInCodeMailsPerAccountAndIp.points + 1; i++)
      results.push(await requestSignInCode(db, { email, ip, locale: 'zh-CN' }));
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'RATE_LIMITED' });
    expect(await caughtMailTo(db, email)).toHaveLength(RATE_LIMITS.signInCodeMailsPerAccountAndIp.points);
    // The owner, elsewhere, can still ask.
    expect((await requestSignInCode(db, { email, ip: newIp(), locale: 'zh-CN' })).ok).toBe(true);
  });

  it('refuses something that is not an email', async () => {
    expect(await requestSignInCode(db, { email: 'not an email', ip: newIp(), locale: 'en' })).toEqual({
      ok: false,
      reason: 'INVALID_EMAIL',
    });
  });
});
