// The account's door against real PostgreSQL and real SMTP (the run's mail catcher): sign-up by
// mailed link, its identical answers, the link's rules (hashed, 30 minutes, single use),
// resend, password reset and change, and the sessions they sign out.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import {
  AccountExistsError,
  InvalidNewPasswordError,
  LinkInvalidError,
  WrongCurrentPasswordError,
} from './account-errors';
import { changePassword } from './change-password';
import { confirmSignUp, findPendingSignUp } from './confirm-sign-up';
import { isPasswordResetUsable, requestPasswordReset, resetPassword } from './password-reset';
import { resendSignUpMail } from './resend-sign-up-mail';
import { createSession, findActiveSessionUser, listActiveSessions } from './sessions';
import { checkSignIn } from './sign-in';
import { requestSignUp } from './sign-up-request';
import { formContextFromAnyAddress } from './testing/form-context';

const db = testDb();
afterAll(() => db.$disconnect());

const ctx = formContextFromAnyAddress('zh-CN', 'http://wallet.test');
const PASSWORD = 'a-good-long-password';
const uniqueEmail = () => `door-${randomUUID()}@example.com`;
const checkCredentials = (_db: typeof db, email: string, password: string) =>
  checkSignIn(db, { email, password, ip: '203.0.113.7' });

/** The token of the newest mail's link to that address (null when the mail has none of `path`). */
async function tokenFromNewestMail(email: string, path: string): Promise<string | null> {
  const [mail] = await caughtMailTo(db, email);
  const link = mail?.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  return link ? new URL(link).searchParams.get('token') : null;
}

async function signUpAndConfirm(email = uniqueEmail()) {
  expect(await requestSignUp(db, { email, displayName: '王五', password: PASSWORD }, ctx)).toEqual({ ok: true });
  const token = await tokenFromNewestMail(email, '/verify-email');
  const { userId } = await confirmSignUp(db, token);
  return { email, userId };
}

describe('sign-up by mailed link', () => {
  it('answers a free and a taken address alike; only the free one gets a link, and no account exists before it is followed', async () => {
    const { email: taken, userId } = await signUpAndConfirm();
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const free = uniqueEmail();

    const answers = [
      await requestSignUp(db, { email: free, displayName: '新人', password: 'another-long-password' }, ctx),
      await requestSignUp(
        db,
        { email: taken.toUpperCase(), displayName: '冒名', password: 'another-long-password' },
        ctx,
      ),
    ];
    expect(JSON.stringify(answers[0])).toBe(JSON.stringify(answers[1]));

    expect(await db.user.count({ where: { email: free } })).toBe(0);
    expect(await tokenFromNewestMail(free, '/verify-email')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [toOwner] = await caughtMailTo(db, taken);
    expect(toOwner?.subject).toBe('有人尝试用你的邮箱注册');
    expect(await tokenFromNewestMail(taken, '/verify-email')).toBeNull();
    // The owner's account is untouched: same password, same name.
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after).toEqual(before);
    // Both wrote one row: the same work either way.
    expect(await db.signUpRequest.count({ where: { email: free } })).toBe(1);
    expect(await db.signUpRequest.count({ where: { email: taken, addressTaken: true } })).toBe(1);
  });

  it('takes as long for a taken address as for a free one (the password is hashed either way)', async () => {
    const { email: taken } = await signUpAndConfirm();
    const time = async (email: string) => {
      const start = performance.now();
      await requestSignUp(db, { email, displayName: '计时', password: 'timing-password-123' }, ctx);
      return performance.now() - start;
    };
    const free: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 8; i++) {
      free.push(await time(uniqueEmail()));
      known.push(await time(taken));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ratio = median(known) / median(free);
    console.log(
      `[timing] sign-up median free ${median(free).toFixed(1)} ms, taken ${median(known).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // Measured: 0.89–1.07 as written; 0.27 with the hash skipped for a taken address (on a
    // machine busy with other work). The bounds leave room for that noise.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('stores only the SHA-256 of the link token', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '散列', password: PASSWORD }, ctx);
    const token = (await tokenFromNewestMail(email, '/verify-email'))!;
    const row = await db.signUpRequest.findFirstOrThrow({ where: { email } });
    expect(Buffer.from(row.tokenHash).equals(createHash('sha256').update(token).digest())).toBe(true);
    const [row2] = await db.$queryRaw<{ found: bigint }[]>`
      SELECT count(*) AS found FROM sign_up_requests WHERE encode(token_hash, 'escape') LIKE ${'%' + token + '%'} OR password_hash LIKE ${'%' + token + '%'}`;
    expect(Number(row2?.found)).toBe(0);
  });

  it('creates a verified customer with a wallet account; the link then works no more', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '王五', password: PASSWORD }, ctx);
    const token = await tokenFromNewestMail(email, '/verify-email');
    expect(await findPendingSignUp(db, token)).toEqual({ email });

    const { userId } = await confirmSignUp(db, token);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, displayName: '王五', role: 'CUSTOMER' });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db.ledgerAccount.count({ where: { ownerId: userId } })).toBe(1);
    expect((await checkCredentials(db, email, PASSWORD)).ok).toBe(true);

    expect(await findPendingSignUp(db, token)).toBeNull();
    await expect(confirmSignUp(db, token)).rejects.toBeInstanceOf(LinkInvalidError);
  });

  it('lets only one of ten concurrent uses of a link create the account', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '并发', password: PASSWORD }, ctx);
    const token = await tokenFromNewestMail(email, '/verify-email');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => confirmSignUp(db, token)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LinkInvalidError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('refuses a link after 30 minutes and creates nothing', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '过期', password: PASSWORD }, ctx);
    const token = await tokenFromNewestMail(email, '/verify-email');
    const row = await db.signUpRequest.findFirstOrThrow({ where: { email } });
    const minutes = (row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29.9);
    expect(minutes).toBeLessThan(30.1);
    await db.signUpRequest.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(confirmSignUp(db, token)).rejects.toBeInstanceOf(LinkInvalidError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it.each([
    ['unknown-but-well-formed', 'A'.repeat(43)],
    ['too short', 'abc'],
    ['a 1 MB string', 'x'.repeat(1 << 20)],
    ['not a string', 42],
  ])('refuses a %s token', async (_name, token) => {
    await expect(confirmSignUp(db, token)).rejects.toBeInstanceOf(LinkInvalidError);
    expect(await findPendingSignUp(db, token)).toBeNull();
  });

  it('says the address has an account when another of its links was used first', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '第一次', password: PASSWORD }, ctx);
    const first = await tokenFromNewestMail(email, '/verify-email');
    await requestSignUp(db, { email, displayName: '第二次', password: 'second-long-password' }, ctx);
    const second = await tokenFromNewestMail(email, '/verify-email');
    await confirmSignUp(db, second);
    await expect(confirmSignUp(db, first)).rejects.toBeInstanceOf(AccountExistsError);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).displayName).toBe('第二次');
  });

  it('resends a waiting sign-up with a new link that replaces the old one; other addresses get nothing', async () => {
    const email = uniqueEmail();
    await requestSignUp(db, { email, displayName: '重发', password: PASSWORD }, ctx);
    const old = await tokenFromNewestMail(email, '/verify-email');
    // Within a minute of the last link, resending sends nothing (one a minute at most).
    await resendSignUpMail(db, email, ctx);
    expect(await caughtMailTo(db, email)).toHaveLength(1);
    await db.signUpRequest.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() + 28 * 60_000) } });
    await resendSignUpMail(db, email, ctx);
    const fresh = await tokenFromNewestMail(email, '/verify-email');
    expect(fresh).not.toBe(old);
    await expect(confirmSignUp(db, old)).rejects.toBeInstanceOf(LinkInvalidError);
    await confirmSignUp(db, fresh);

    // Now it has an account: resending sends nothing more. Nor does an unknown address.
    const mailsBefore = (await caughtMailTo(db, email)).length;
    await resendSignUpMail(db, email, ctx);
    const unknown = uniqueEmail();
    await resendSignUpMail(db, unknown, ctx);
    expect(await caughtMailTo(db, email)).toHaveLength(mailsBefore);
    expect(await caughtMailTo(db, unknown)).toEqual([]);
  });
  it('mails one address at most five times an hour, answering the same after that', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 7; i++) {
      expect(await requestSignUp(db, { email, displayName: '洪水', password: PASSWORD }, ctx)).toEqual({ ok: true });
    }
    expect(await caughtMailTo(db, email)).toHaveLength(5);
    expect(await db.signUpRequest.count({ where: { email } })).toBe(7);
  });
});

describe('password reset', () => {
  it('mails one account at most five reset links an hour; the fifth stays usable', async () => {
    const { email } = await signUpAndConfirm();
    for (let i = 0; i < 7; i++) expect(await requestPasswordReset(db, email, ctx)).toBeUndefined();
    const resetMails = (await caughtMailTo(db, email)).filter((m) => m.subject === '重置你的登录密码');
    expect(resetMails).toHaveLength(5);
    // Mails may arrive out of order; of the five links, exactly the last one issued still works.
    const tokens = resetMails.map((m) => new URL(m.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token'));
    const usable = await Promise.all(tokens.map((t) => isPasswordResetUsable(db, t)));
    expect(usable.filter(Boolean)).toHaveLength(1);
  });

  it('answers a known and an unknown address alike; only the known one gets a link', async () => {
    const { email } = await signUpAndConfirm();
    const unknown = uniqueEmail();
    expect(await requestPasswordReset(db, email, ctx)).toBeUndefined();
    expect(await requestPasswordReset(db, unknown, ctx)).toBeUndefined();
    expect(await tokenFromNewestMail(email, '/reset-password')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await caughtMailTo(db, unknown)).toEqual([]);
  });

  it('sets the new password, signs out every session, mails the owner, and the link works once', async () => {
    const { email, userId } = await signUpAndConfirm();
    const sessions = [await createSession(db, userId), await createSession(db, userId)];
    await requestPasswordReset(db, email, ctx);
    const token = await tokenFromNewestMail(email, '/reset-password');
    expect(await isPasswordResetUsable(db, token)).toBe(true);

    await resetPassword(db, { token, newPassword: 'brand-new-password', confirmPassword: 'brand-new-password' }, ctx);

    for (const sid of sessions) expect(await findActiveSessionUser(db, sid)).toBeNull();
    expect((await checkCredentials(db, email, PASSWORD)).ok).toBe(false);
    expect((await checkCredentials(db, email, 'brand-new-password')).ok).toBe(true);
    expect((await caughtMailTo(db, email))[0]?.subject).toBe('你的登录密码已修改');
    expect(await isPasswordResetUsable(db, token)).toBe(false);
    await expect(
      resetPassword(db, { token, newPassword: 'third-password-x', confirmPassword: 'third-password-x' }, ctx),
    ).rejects.toBeInstanceOf(LinkInvalidError);
    expect((await checkCredentials(db, email, 'brand-new-password')).ok).toBe(true);
  });

  it('makes the older link unusable when a newer one is asked for', async () => {
    const { email } = await signUpAndConfirm();
    await requestPasswordReset(db, email, ctx);
    const older = await tokenFromNewestMail(email, '/reset-password');
    await requestPasswordReset(db, email, ctx);
    const newer = await tokenFromNewestMail(email, '/reset-password');
    expect(await isPasswordResetUsable(db, older)).toBe(false);
    expect(await isPasswordResetUsable(db, newer)).toBe(true);
  });

  it('refuses an expired link and changes nothing', async () => {
    const { email, userId } = await signUpAndConfirm();
    await requestPasswordReset(db, email, ctx);
    const token = await tokenFromNewestMail(email, '/reset-password');
    await db.passwordResetToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      resetPassword(db, { token, newPassword: 'brand-new-password', confirmPassword: 'brand-new-password' }, ctx),
    ).rejects.toBeInstanceOf(LinkInvalidError);
    expect((await checkCredentials(db, email, PASSWORD)).ok).toBe(true);
  });

  it.each([
    ['too short', 'short', 'short', 'newPassword', 'TOO_SHORT'],
    ['too long', 'x'.repeat(129), 'x'.repeat(129), 'newPassword', 'TOO_LONG'],
    ['mistyped', 'brand-new-password', 'brand-new-passwort', 'confirmPassword', 'MISMATCH'],
  ])(
    'refuses a %s new password without using up the link',
    async (_name, newPassword, confirmPassword, field, reason) => {
      const { email } = await signUpAndConfirm();
      await requestPasswordReset(db, email, ctx);
      const token = await tokenFromNewestMail(email, '/reset-password');
      const error = await resetPassword(db, { token, newPassword, confirmPassword }, ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidNewPasswordError);
      expect(error).toMatchObject({ field, reason });
      expect(await isPasswordResetUsable(db, token)).toBe(true);
    },
  );
});

describe('password change', () => {
  it('needs the current password; on success signs out every other session but keeps this one', async () => {
    const { email, userId } = await signUpAndConfirm();
    const [mine, other1, other2] = [
      await createSession(db, userId),
      await createSession(db, userId),
      await createSession(db, userId),
    ];
    const input = { userId, sessionId: mine, newPassword: 'changed-password-1', confirmPassword: 'changed-password-1' };

    await expect(changePassword(db, { ...input, currentPassword: 'not-the-password' }, ctx)).rejects.toBeInstanceOf(
      WrongCurrentPasswordError,
    );
    expect(await listActiveSessions(db, userId)).toHaveLength(3);
    expect((await checkCredentials(db, email, PASSWORD)).ok).toBe(true);

    await changePassword(db, { ...input, currentPassword: PASSWORD }, ctx);
    expect(await findActiveSessionUser(db, mine)).toMatchObject({ id: userId });
    expect(await findActiveSessionUser(db, other1)).toBeNull();
    expect(await findActiveSessionUser(db, other2)).toBeNull();
    expect((await checkCredentials(db, email, 'changed-password-1')).ok).toBe(true);
    expect((await caughtMailTo(db, email))[0]?.subject).toBe('你的登录密码已修改');
  });

  it('refuses a new password equal to the current one', async () => {
    const { userId } = await signUpAndConfirm();
    const sessionId = await createSession(db, userId);
    const error = await changePassword(
      db,
      { userId, sessionId, currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_PASSWORD', field: 'newPassword', reason: 'SAME_AS_CURRENT' });
  });
});
