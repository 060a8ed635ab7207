import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { requestPasswordReset } from './password-reset';
import { purgeAccountLinks } from './purge-account-links';
import { requestSignUp } from './sign-up-request';
import { formContextFromAnyAddress } from './testing/form-context';
import { createTestUser } from '../wallet/testing/wallet-fixtures';

const db = testDb();
afterAll(() => db.$disconnect());
const ctx = formContextFromAnyAddress('en', 'http://wallet.test');

describe('purgeAccountLinks', () => {
  it('deletes sign-up and reset links over two days old and keeps younger ones', async () => {
    const oldEmail = `old-${randomUUID()}@example.com`;
    const newEmail = `new-${randomUUID()}@example.com`;
    await requestSignUp(db, { email: oldEmail, displayName: 'old', password: 'a-long-password' }, ctx);
    await requestSignUp(db, { email: newEmail, displayName: 'new', password: 'a-long-password' }, ctx);
    const user = await createTestUser(db);
    await requestPasswordReset(db, user.email, ctx);
    const threeDaysAgo = new Date(Date.now() - 72 * 3600_000);
    await db.signUpRequest.updateMany({ where: { email: oldEmail }, data: { createdAt: threeDaysAgo } });
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { createdAt: threeDaysAgo } });

    expect(await purgeAccountLinks(db)).toBeGreaterThanOrEqual(2);
    expect(await db.signUpRequest.count({ where: { email: oldEmail } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.signUpRequest.count({ where: { email: newEmail } })).toBe(1);
  });
});
