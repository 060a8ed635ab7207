// `npm run dev`: the whole app on one command. Starts the embedded PostgreSQL (unless
// DATABASE_URL is set), applies migrations, seeds demo data on first start, then runs
// `next dev`. Ctrl-C stops everything it started.
import { resolve } from 'node:path';
import { createDb } from '../server/db';
import { printDemoAccounts, seedDemoData } from '../prisma/seed';
import { applyDemoStoreMigrations } from '../demo-store/db/migrate';
import { seedDemoStoreCredentials } from './demo-store/provision-demo-store-credentials';
import { applySandboxBankMigrations } from '../sandbox-bank/db/migrate';
import { devOperatorSecret } from '../sandbox-bank/operator/dev-operator-secret';
import { seedSandboxBank } from '../sandbox-bank/seed';
import { applyMigrations } from './db/migrate';
import { startMailCatcher, type MailCatcher } from './mail/mail-catcher';
import { resolveDatabase } from './db/resolve-database';
import { devSigningKey } from './lib/dev-signing-key';
import { freePort } from './lib/free-port';
import { runNext, stopChild } from './lib/run-next';

const started = Date.now();
const database = await resolveDatabase({ databaseName: 'wallet' });
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (next) await stopChild(next);
    await mail?.stop().catch(() => undefined);
    await database.stop();
  }
  process.exit(code);
}
let next: ReturnType<typeof runNext> | undefined;
let mail: MailCatcher | undefined;
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`[dev] applied migrations: ${applied.join(', ')}`);

  const db = createDb(database.url, 2);
  const { seeded, accounts } = await seedDemoData(db, resolve('.data/demo-credentials.json'));
  // The demo store is the demo merchant's shop: its API key and webhook secret, kept in .data/.
  const demoStore = await seedDemoStoreCredentials(db, resolve('.data/demo-store.json'));
  await db.$disconnect();
  if (seeded) console.log('[dev] seeded demo data');
  printDemoAccounts(accounts, (l) => console.log(`[dev] ${l}`));

  // The sandbox bank: its own schema on the same database, migrated and seeded at every start.
  const bankApplied = await applySandboxBankMigrations(database.url);
  if (bankApplied.length) console.log(`[dev] applied sandbox bank migrations: ${bankApplied.join(', ')}`);
  const bankOpened = await seedSandboxBank(database.url);
  if (bankOpened.length) console.log(`[dev] opened sandbox bank accounts: ${bankOpened.join(', ')}`);
  // The bank operator's password (fault control, the simulated phones at /sandbox-bank/phone).
  const operatorSecret = devOperatorSecret(resolve('.data/sandbox-bank-operator.json'));
  console.log(`[dev] sandbox bank operator password (/sandbox-bank/operator): ${operatorSecret}`);

  // The demo store (an outside merchant): its own schema on the same database.
  const storeApplied = await applyDemoStoreMigrations(database.url);
  if (storeApplied.length) console.log(`[dev] applied demo store migrations: ${storeApplied.join(', ')}`);
  if (!demoStore)
    console.log(
      '[dev] demo store: no demo merchant in this database (seeded before merchants existed), so the store has no API key',
    );
  else if (demoStore.createdKey) console.log("[dev] created the demo store's API key (.data/demo-store.json)");

  // Mail the app sends (codes, links) is caught locally and shown at /dev/mailbox, unless
  // SMTP_URL names a real server.
  if (!process.env.SMTP_URL) {
    mail = await startMailCatcher(database.url);
    console.log(`[dev] mail catcher on ${mail.smtpUrl}; read it at /dev/mailbox`);
  }

  const port = await freePort(Number(process.env.PORT ?? 3000));
  console.log(
    `[dev] ready for Next in ${((Date.now() - started) / 1000).toFixed(1)} s; starting on http://localhost:${port}`,
  );
  next = runNext(['dev', '-p', String(port)], {
    DATABASE_URL: database.url,
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...(mail && { SMTP_URL: mail.smtpUrl, DEV_MAILBOX_ENABLED: '1' }),
    SANDBOX_BANK_ENABLED: '1',
    SANDBOX_BANK_OPERATOR_SECRET: operatorSecret,
    // Signs e-receipts and the daily proof of liabilities; one per database (.data/).
    RECEIPT_SIGNING_KEY: devSigningKey(resolve('.data/receipt-signing-key.json')),
    // Builds yesterday's proof of liabilities shortly after start when it has none (a fresh demo).
    LIABILITY_PROOF_CATCH_UP: '1',
    ...(demoStore && { DEMO_STORE_API_KEY: demoStore.apiKey, DEMO_STORE_WEBHOOK_SECRET: demoStore.webhookSecret }),
  });
  next.on('exit', (code) => void shutdown(code ?? 0));
} catch (err) {
  console.error('[dev] failed to start:', err);
  await shutdown(1);
}
