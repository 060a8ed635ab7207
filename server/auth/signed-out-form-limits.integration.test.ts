// The per-client-address limits of the signed-out forms that mail someone (sign-up, forgot
// password, resend the verification mail, send a sign-in code), against real PostgreSQL and
// the run's mail catcher: the limit's worth of requests go through; the next one is refused
// with the wait, the same way for a known and an unknown email, writing and mailing nothing;
// another address is not affected.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import { httpStatusForError } from '../http/error-status';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { requestPasswordReset } from './password-reset';
import { requestSignInCode } from './request-sign-in-code';
import { resendSignUpMail } from './resend-sign-up-mail';
import { requestSignUp } from './sign-up-request';
import { formContextFromAnyAddress, newTestIp } from './testing/form-context';

const db = testDb(8);
afterAll(() => db.$disconnect());

const BASE = 'http://wallet.test';
const at = (ip: string) => ({ locale: 'zh-CN' as const, baseUrl: BASE, ip });
const unknownEmail = () => `nobody-${randomUUID()}@example.com`;
const knownEmail = async () => (await createTestUser(db, '已注册')).email;

/** A refusal as a form sees it (the code and HTTP status of a thrown error), without the exact wait. */
async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; details?: { retryAfterSeconds?: number } };
    const wait = e.details?.retryAfterSeconds ?? 0;
    return { code: e.code, status: httpStatusForError(error), waitWithinTheHour: wait > 0 && wait <= 3600 };
  }
  throw new Error('expected a refusal');
}

describe('sign-up from one address', () => {
  it(`takes ${RATE_LIMITS.signUpsPerIp.points} an hour; then says how long to wait, for any email, writing and mailing nothing`, async () => {
    const ip = newTestIp();
    for (let i = 0; i < RATE_LIMITS.signUpsPerIp.points; i++) {
      const email = i % 2 ? await knownEmail() : unknownEmail();
      expect(await requestSignUp(db, { email, displayName: '注册', password: 'a-long-password' }, at(ip))).toEqual({
        ok: true,
      });
    }
    const [known, unknown] = [await knownEmail(), unknownEmail()];
    const answers = [];
    for (const email of [known, unknown]) {
      const answer = await requestSignUp(db, { email, displayName: '注册', password: 'a-long-password' }, at(ip));
      expect(answer).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
      const wait = (answer as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(3600);
      answers.push(Object.keys(answer).sort());
      expect(await db.signUpRequest.count({ where: { email } })).toBe(0);
      expect(await caughtMailTo(db, email)).toHaveLength(0);
    }
    expect(answers[0]).toEqual(answers[1]);
    // Another address signs up.
    const elsewhere = unknownEmail();
    expect(
      await requestSignUp(db, { email: elsewhere, displayName: '别处', password: 'a-long-password' }, at(newTestIp())),
    ).toEqual({ ok: true });
    expect(await caughtMailTo(db, elsewhere)).toHaveLength(1);
  });

  it('does not count a form refused for its fields', async () => {
    const ip = newTestIp();
    for (let i = 0; i < RATE_LIMITS.signUpsPerIp.points + 2; i++) {
      expect(
        await requestSignUp(db, { email: 'not-an-email', displayName: '注册', password: 'x' }, at(ip)),
      ).toMatchObject({
        ok: false,
        fieldErrors: expect.any(Object),
      });
    }
    expect(
      await requestSignUp(db, { email: unknownEmail(), displayName: '注册', password: 'a-long-password' }, at(ip)),
    ).toEqual({ ok: true });
  });
});

describe('"forgot password" from one address', () => {
  it(`takes ${RATE_LIMITS.passwordResetRequestsPerIp.points} an hour; then RATE_LIMITED (429) for any email, writing and mailing nothing`, async () => {
    const ip = newTestIp();
    for (let i = 0; i < RATE_LIMITS.passwordResetRequestsPerIp.points; i++) {
      await requestPasswordReset(db, i % 2 ? await knownEmail() : unknownEmail(), at(ip));
    }
    const owner = await createTestUser(db, '忘记密码');
    const refusals = [];
    for (const email of [owner.email, unknownEmail()]) {
      refusals.push(await refusalOf(requestPasswordReset(db, email, at(ip))));
      expect(await caughtMailTo(db, email)).toHaveLength(0);
    }
    expect(refusals[0]).toEqual({ code: 'RATE_LIMITED', status: 429, waitWithinTheHour: true });
    expect(refusals[1]).toEqual(refusals[0]);
    expect(await db.passwordResetToken.count({ where: { userId: owner.id } })).toBe(0);
    // The owner, from another address, gets the link.
    await requestPasswordReset(db, owner.email, at(newTestIp()));
    expect(await db.passwordResetToken.count({ where: { userId: owner.id } })).toBe(1);
    expect(await caughtMailTo(db, owner.email)).toHaveLength(1);
  });
});

describe('"resend the verification mail" from one address', () => {
  it(`takes ${RATE_LIMITS.verificationResendsPerIp.points} an hour; then RATE_LIMITED (429) for any email, changing and mailing nothing`, async () => {
    const anywhere = formContextFromAnyAddress('zh-CN', BASE);
    const waiting = async () => {
      const email = unknownEmail();
      await requestSignUp(db, { email, displayName: '待验证', password: 'a-long-password' }, anywhere);
      return email;
    };
    const ip = newTestIp();
    for (let i = 0; i < RATE_LIMITS.verificationResendsPerIp.points; i++) {
      await resendSignUpMail(db, i % 2 ? await waiting() : unknownEmail(), at(ip));
    }
    const pending = await waiting();
    const linkBefore = await db.signUpRequest.findFirstOrThrow({
      where: { email: pending },
      select: { tokenHash: true },
    });
    const mailsBefore = (await caughtMailTo(db, pending)).length;
    const refusals = [await refusalOf(resendSignUpMail(db, pending, at(ip)))];
    const stranger = unknownEmail();
    refusals.push(await refusalOf(resendSignUpMail(db, stranger, at(ip))));
    expect(refusals[0]).toEqual({ code: 'RATE_LIMITED', status: 429, waitWithinTheHour: true });
    expect(refusals[1]).toEqual(refusals[0]);
    expect(await db.signUpRequest.findFirstOrThrow({ where: { email: pending }, select: { tokenHash: true } })).toEqual(
      linkBefore,
    );
    expect(await caughtMailTo(db, pending)).toHaveLength(mailsBefore);
    expect(await caughtMailTo(db, stranger)).toHaveLength(0);
  });
});

describe('"send me a sign-in code" from one address', () => {
  it(`takes ${RATE_LIMITS.signInCodeRequestsPerIp.points} an hour; then RATE_LIMITED for any email, writing and mailing nothing`, async () => {
    const ip = newTestIp();
    for (let i = 0; i < RATE_LIMITS.signInCodeRequestsPerIp.points; i++) {
      const email = i % 2 ? await knownEmail() : unknownEmail();
      expect(await requestSignInCode(db, { email, ip, locale: 'zh-CN' })).toMatchObject({ ok: true });
    }
    const [known, unknown] = [await knownEmail(), unknownEmail()];
    const answers = [];
    for (const email of [known, unknown]) {
      const answer = await requestSignInCode(db, { email, ip, locale: 'zh-CN' });
      expect(answer).toMatchObject({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      answers.push({ ...answer, retryAfterSeconds: undefined });
      expect(await db.signInCode.count({ where: { email } })).toBe(0);
      expect(await caughtMailTo(db, email)).toHaveLength(0);
    }
    expect(answers[0]).toEqual(answers[1]);
  });
});
