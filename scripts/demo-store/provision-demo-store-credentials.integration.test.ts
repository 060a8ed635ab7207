// Provisioning the demo store's credentials on real PostgreSQL: one key on the first run,
// the same key afterwards, a new one when the saved key is not the wallet's, the current
// webhook secret every time, and a 0600 file.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../prisma/seed';
import { testDb } from '../test/integration-db';
import { authenticateApiKey, newWebhookSecret } from '../../server/merchants/api-keys';
import { DEMO_STORE_KEY_LABEL, seedDemoStoreCredentials } from './provision-demo-store-credentials';

describe('seedDemoStoreCredentials', () => {
  const db = testDb(4);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'demo-store-')), 'nested', 'demo-store.json');

  // The run's database is shared by every test file: leave no demo merchant behind.
  afterAll(async () => {
    const user = await db.user.findUnique({ where: { email: DEMO_MERCHANT.email }, include: { merchant: true } });
    if (!user) return;
    if (user.merchant) {
      await db.merchantApiKey.deleteMany({ where: { merchantId: user.merchant.id } });
      await db.merchant.delete({ where: { id: user.merchant.id } });
    }
    await db.user.delete({ where: { id: user.id } });
  });

  it('returns null while there is no demo merchant, writing nothing', async () => {
    expect(await seedDemoStoreCredentials(db, file)).toBeNull();
    expect(() => statSync(file)).toThrow();
  });

  it('creates one key, then reuses it; follows the secret; replaces a key the wallet does not know', async () => {
    const user = await db.user.create({
      data: { email: DEMO_MERCHANT.email, displayName: DEMO_MERCHANT.shopName, passwordHash: 'x', role: 'MERCHANT' },
    });
    const merchant = await db.merchant.create({
      data: {
        userId: user.id,
        shopName: DEMO_MERCHANT.shopName,
        status: 'APPROVED',
        decidedAt: new Date(),
        webhookSecret: newWebhookSecret(),
      },
    });

    const first = await seedDemoStoreCredentials(db, file);
    expect(first).toMatchObject({ createdKey: true, webhookSecret: merchant.webhookSecret });
    expect((await authenticateApiKey(db, first!.apiKey))?.id).toBe(merchant.id);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      apiKey: first!.apiKey,
      webhookSecret: merchant.webhookSecret,
    });
    expect(await db.merchantApiKey.count({ where: { merchantId: merchant.id, label: DEMO_STORE_KEY_LABEL } })).toBe(1);

    const second = await seedDemoStoreCredentials(db, file);
    expect(second).toEqual({ ...first, createdKey: false });
    expect(await db.merchantApiKey.count({ where: { merchantId: merchant.id } })).toBe(1);

    // The merchant rotated the secret in the dashboard: the next start passes the new one.
    const rotated = newWebhookSecret();
    await db.merchant.update({ where: { id: merchant.id }, data: { webhookSecret: rotated } });
    const third = await seedDemoStoreCredentials(db, file);
    expect(third).toEqual({ apiKey: first!.apiKey, webhookSecret: rotated, createdKey: false });
    expect(JSON.parse(readFileSync(file, 'utf8')).webhookSecret).toBe(rotated);

    // A file from another database (or a revoked key): a new key.
    writeFileSync(file, JSON.stringify({ apiKey: 'sk_AAAAAAAAAAAA_' + 'a'.repeat(43), webhookSecret: rotated }));
    const fourth = await seedDemoStoreCredentials(db, file);
    expect(fourth!.createdKey).toBe(true);
    expect(fourth!.apiKey).not.toBe(first!.apiKey);
    expect((await authenticateApiKey(db, fourth!.apiKey))?.id).toBe(merchant.id);
  });
});
