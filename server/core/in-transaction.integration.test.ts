// inTransaction against real PostgreSQL: a real serialization failure between two
// transactions is retried until both land; use cases converted to it (some were bare or
// array-form `$transaction`s) survive serialization failures and deadlocks that PostgreSQL
// raises in the middle of them, write once and send their mail once; anything else is not
// retried and leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY } from '@/ledger';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import { createUserWithRole } from '../admin/testing/admin-fixtures';
import { setUserFrozen } from '../admin/users/set-user-frozen';
import { signUp } from '../auth/sign-up';
import { currentTotp } from '../auth/two-factor/totp';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from '../auth/two-factor/two-factor';
import { newWebhookSecret } from '../merchants/api-keys';
import { createOrder } from '../orders/create-order';
import { startPinReset } from '../pin/reset-payment-pin';
import { createTestUser, TEST_PASSWORD } from '../wallet/testing/wallet-fixtures';
import { inTransaction } from './in-transaction';
import { injectDatabaseFailure, type InjectedFailure } from './testing/inject-database-failure';

const db = testDb();
const injected: InjectedFailure[] = [];
afterEach(async () => {
  for (const failure of injected.splice(0)) await failure.remove();
});
afterAll(() => db.$disconnect());

async function failing(target: Parameters<typeof injectDatabaseFailure>[1]): Promise<InjectedFailure> {
  const failure = await injectDatabaseFailure(db, target);
  injected.push(failure);
  return failure;
}

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

describe('inTransaction', () => {
  it('runs a transaction that lost a real serialization race again, with the options it was given', async () => {
    const table = `test_counter_${randomUUID().replaceAll('-', '')}`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1, 0)`);
    try {
      // Both take their snapshot before either writes; the second writer must fail (40001)
      // under REPEATABLE READ and, run again, count on top of the first.
      let arrived = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((resolve) => (release = resolve));
      const retries: number[] = [];
      const increment = () => {
        let attempt = 0;
        return inTransaction(
          db,
          async (tx) => {
            attempt++;
            const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT n FROM ${table} WHERE id = 1`);
            if (attempt === 1 && ++arrived === 2) release();
            if (attempt === 1) await bothRead;
            await tx.$executeRawUnsafe(`UPDATE ${table} SET n = $1 WHERE id = 1`, row!.n + 1);
            return attempt;
          },
          { isolationLevel: 'RepeatableRead', onRetry: (_error, n) => retries.push(n) },
        );
      };
      const attempts = await Promise.all([increment(), increment()]);
      expect(attempts.sort()).toEqual([1, 2]);
      expect(retries).toEqual([1]);
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT n FROM ${table} WHERE id = 1`);
      expect(row!.n).toBe(2);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE ${table}`);
    }
  });

  it('setUserFrozen: two serialization failures at its audit record, then one freeze and one record', async () => {
    const admin = await createUserWithRole(db, 'ADMIN');
    const user = await createTestUser(db);
    const failure = await failing({ table: 'audit_events', on: 'INSERT', sqlState: SERIALIZATION_FAILURE, times: 2 });

    const result = await setUserFrozen(db, { actorId: admin.id, userId: user.id, frozen: true, note: '可疑交易' });

    expect(await failure.reached()).toBe(3);
    expect(result.frozenAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: 'user.freeze' } })).toBe(1);
  });

  it('createOrder: a deadlock at the insert, then exactly one order', async () => {
    const owner = await createTestUser(db, '测试商户');
    const merchant = await db.merchant.create({
      data: { userId: owner.id, shopName: '测试商店', status: 'APPROVED', webhookSecret: newWebhookSecret() },
    });
    const failure = await failing({ table: 'orders', on: 'INSERT', sqlState: DEADLOCK, times: 1 });
    const merchantOrderNo = `T-${randomUUID()}`;

    const order = await createOrder(db, {
      merchantId: merchant.id,
      merchantOrderNo,
      amount: 1_000n,
      currency: DEFAULT_CURRENCY,
      subject: '咖啡豆',
      notifyUrl: null,
      returnUrl: null,
      expiresInSeconds: 600,
    });

    expect(await failure.reached()).toBe(2);
    expect(await db.order.findMany({ where: { merchantId: merchant.id }, select: { id: true } })).toEqual([
      { id: order.id },
    ]);
    expect(await db.orderEvent.count({ where: { orderId: order.id } })).toBe(1);
  });

  it('confirmTwoFactorEnrolment (was array-form): the first attempt rolls back whole, the second turns it on', async () => {
    const signedUp = await signUp(db, {
      email: `tx-${randomUUID()}@example.com`,
      displayName: '重试',
      password: TEST_PASSWORD,
    });
    if (!signedUp.ok) throw new Error('sign-up failed');
    const { secret } = await startTwoFactorEnrolment(db, signedUp.userId);
    // Fails after the user_totp row was enabled in the same transaction: a retry finds it
    // enabled unless the rollback took that back too.
    const failure = await failing({
      table: 'totp_recovery_codes',
      on: 'INSERT',
      sqlState: SERIALIZATION_FAILURE,
      times: 1,
    });

    const { recoveryCodes } = await confirmTwoFactorEnrolment(db, signedUp.userId, currentTotp(secret));

    expect(await failure.reached()).toBe(2);
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.totpRecoveryCode.count({ where: { userId: signedUp.userId } })).toBe(10);
  });

  it('startPinReset (was array-form): retried in the database, the code is mailed once, after the commit', async () => {
    const user = await createTestUser(db);
    const failure = await failing({ table: 'pin_reset_codes', on: 'INSERT', sqlState: DEADLOCK, times: 1 });

    await startPinReset(db, { userId: user.id, password: TEST_PASSWORD, locale: 'zh-CN' });

    expect(await failure.reached()).toBe(2);
    expect(await db.pinResetCode.count({ where: { userId: user.id } })).toBe(1);
    expect(await caughtMailTo(db, user.email)).toHaveLength(1);
  });

  it('does not retry other failures: a refused write runs once and leaves nothing', async () => {
    const admin = await createUserWithRole(db, 'ADMIN');
    const user = await createTestUser(db);
    const failure = await failing({ table: 'audit_events', on: 'INSERT', sqlState: '23514', times: 1 });

    await expect(
      setUserFrozen(db, { actorId: admin.id, userId: user.id, frozen: true, note: '可疑交易' }),
    ).rejects.toThrow(/injected by a test/);

    expect(await failure.reached()).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).frozenAt).toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: user.id } })).toBe(0);
  });
});
