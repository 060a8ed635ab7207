import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { signUp } from './sign-up';

const db = testDb();
afterAll(() => db.$disconnect());

const uniqueEmail = () => `u-${randomUUID()}@example.com`;
const valid = () => ({ email: uniqueEmail(), displayName: '王五', password: 'correct horse battery' });

describe('signUp', () => {
  it('creates a customer with a hashed password', async () => {
    const input = valid();
    const result = await signUp(db, input);
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.role).toBe('CUSTOMER');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(input.password);
  });

  it('stores the email in lower case so sign-in is case-insensitive', async () => {
    const input = { ...valid(), email: `MiXeD-${randomUUID()}@Example.COM` };
    const result = await signUp(db, input);
    expect(result.ok && result.email).toBe(input.email.toLowerCase());
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email', 'emailInvalid'],
    ['an email with spaces inside', { email: 'a b@example.com' }, 'email', 'emailInvalid'],
    ['a password under 10 characters', { password: '123456789' }, 'password', 'passwordTooShort'],
    ['a 10 KB display name', { displayName: 'x'.repeat(10 * 1024) }, 'displayName', 'displayNameTooLong'],
    ['an empty display name', { displayName: '   ' }, 'displayName', 'displayNameRequired'],
    ['a display name with control characters', { displayName: 'a\u0000b' }, 'displayName', 'displayNameInvalid'],
    [
      'a display name with a right-to-left override',
      { displayName: '张三\u202Enimda' },
      'displayName',
      'displayNameInvalid',
    ],
    ['a display name with a zero width space', { displayName: '李\u200B四' }, 'displayName', 'displayNameInvalid'],
    ['a display name that is only a Hangul filler', { displayName: '\u3164' }, 'displayName', 'displayNameInvalid'],
    ['a non-string password', { password: 12345678901 }, 'password', 'passwordTooShort'],
  ])('refuses %s with a field error and creates no user', async (_name, override, field, code) => {
    const input = { ...valid(), ...override };
    const before = await db.user.count();
    const result = await signUp(db, input);
    expect(result).toEqual({ ok: false, fieldErrors: expect.objectContaining({ [field]: code }) });
    expect(await db.user.count()).toBe(before);
  });

  it('refuses an email that is already taken, whatever its case', async () => {
    const first = valid();
    expect((await signUp(db, first)).ok).toBe(true);
    const before = await db.user.count();
    const again = await signUp(db, { ...valid(), email: first.email.toUpperCase() });
    expect(again).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });
    expect(await db.user.count()).toBe(before);
  });

  it('lets only one of two concurrent sign-ups with one email succeed', async () => {
    const email = uniqueEmail();
    const results = await Promise.all([signUp(db, { ...valid(), email }), signUp(db, { ...valid(), email })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('accepts a display name with an emoji written with zero width joiners', async () => {
    const input = { ...valid(), displayName: '王五 👨‍👩‍👧' };
    const result = await signUp(db, input);
    expect(result.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).displayName).toBe('王五 👨‍👩‍👧');
  });

  it('ignores extra fields such as role', async () => {
    const input = { ...valid(), role: 'ADMIN' };
    const result = await signUp(db, input);
    expect(result.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email: input.email } })).role).toBe('CUSTOMER');
  });
});
