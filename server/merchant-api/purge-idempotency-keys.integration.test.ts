// Stored API answers older than the retention are deleted; younger ones stay and replay.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { newWebhookSecret } from '../merchants/api-keys';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { purgeIdempotencyKeys } from './purge-idempotency-keys';

const db = testDb(5);
afterAll(() => db.$disconnect());

describe('purgeIdempotencyKeys', () => {
  it('deletes answers older than 24 hours and keeps the rest', async () => {
    const owner = await createTestUser(db, '幂等清理');
    const merchant = await db.merchant.create({
      data: { userId: owner.id, shopName: '清理店', status: 'APPROVED', webhookSecret: newWebhookSecret() },
    });
    const row = (key: string, hoursAgo: number) => ({
      merchantId: merchant.id,
      key,
      requestHash: 'h',
      responseStatus: 201,
      responseBody: '{}',
      createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
    });
    const [old, abandoned, young] = [randomUUID(), randomUUID(), randomUUID()];
    await db.apiIdempotencyKey.createMany({
      data: [row(old, 25), { ...row(abandoned, 30), responseStatus: null, responseBody: null }, row(young, 23)],
    });

    expect(await purgeIdempotencyKeys(db)).toBeGreaterThanOrEqual(2);

    const left = await db.apiIdempotencyKey.findMany({ where: { merchantId: merchant.id }, select: { key: true } });
    expect(left.map((r) => r.key)).toEqual([young]);
  });
});
