// Provisioning of the demo store, as a merchant would do it by hand in the dashboard: an API
// key of the demo merchant (示例商店, merchant@example.com) and its webhook signing secret,
// kept in a file (mode 0600) that `npm run dev` and the e2e runner pass on as
// DEMO_STORE_API_KEY / DEMO_STORE_WEBHOOK_SECRET. A saved key is reused while the wallet
// still accepts it; the secret is read again at every run (the merchant may rotate it).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_MERCHANT } from '../../prisma/seed';
import type { Db } from '../../server/db';
import { authenticateApiKey, createApiKey } from '../../server/merchants/api-keys';

export type DemoStoreCredentials = { apiKey: string; webhookSecret: string };

export const DEMO_STORE_KEY_LABEL = '示例商店 demo store';

function load(file: string): DemoStoreCredentials | null {
  if (!existsSync(file)) return null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoStoreCredentials>;
    return typeof saved.apiKey === 'string' && typeof saved.webhookSecret === 'string'
      ? { apiKey: saved.apiKey, webhookSecret: saved.webhookSecret }
      : null;
  } catch {
    return null;
  }
}

/**
 * The store's credentials, or null when the database has no demo merchant (a database seeded
 * before merchants existed): the store then runs without a key and says so at checkout.
 */
export async function seedDemoStoreCredentials(
  db: Db,
  file: string,
): Promise<(DemoStoreCredentials & { createdKey: boolean }) | null> {
  const merchant = await db.merchant.findFirst({ where: { user: { email: DEMO_MERCHANT.email } } });
  if (!merchant) return null;

  const saved = load(file);
  // A saved key of another database (a fresh e2e run, a deleted .data/pg) is not accepted.
  const stillValid = saved ? (await authenticateApiKey(db, saved.apiKey))?.id === merchant.id : false;
  const apiKey =
    stillValid && saved ? saved.apiKey : (await createApiKey(db, merchant.id, DEMO_STORE_KEY_LABEL)).secretKey;
  const credentials = { apiKey, webhookSecret: merchant.webhookSecret };

  if (!saved || saved.apiKey !== credentials.apiKey || saved.webhookSecret !== credentials.webhookSecret) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600); // `mode` applies only when the file is created
  }
  return { ...credentials, createdKey: !stillValid };
}
