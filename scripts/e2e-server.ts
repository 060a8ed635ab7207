// The server Playwright tests run against: a fresh database (migrated and seeded), a
// production build, `next start`. SIGTERM stops Next and drops the database.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createDb } from '../server/db';
import { seedDemoData } from '../prisma/seed';
import { applyDemoStoreMigrations } from '../demo-store/db/migrate';
import { seedDemoStoreCredentials } from './demo-store/provision-demo-store-credentials';
import { applySandboxBankMigrations } from '../sandbox-bank/db/migrate';
import { seedSandboxBank } from '../sandbox-bank/seed';
import { createFreshDatabase } from './db/test-database';
import { startMailCatcher } from './mail/mail-catcher';
import { productionRunEnv } from './lib/production-run-env';
import { runNext, stopChild } from './lib/run-next';

const port = Number(process.argv[2] ?? 3100);
const database = await createFreshDatabase('wallet_e2e');
// Random secrets per run; the specs that call the bank's API read them below.
const env = productionRunEnv(database.url, port);

// Mail goes to a local catcher; the specs read it at /dev/mailbox (on for this build only).
const mail = await startMailCatcher(database.url);
Object.assign(env, { SMTP_URL: mail.smtpUrl, DEV_MAILBOX_ENABLED: '1' });

// The seed encrypts the admin's authenticator key with the key the server will use.
process.env.DATA_ENCRYPTION_KEY = env.DATA_ENCRYPTION_KEY;
const db = createDb(database.url, 2);
// The specs read the demo passwords from here (gitignored, fresh every run).
await seedDemoData(db, 'e2e/.generated/demo-accounts.json');
// The demo store's key and secret (specs read e2e/.generated/demo-store.json to sign notices).
const demoStore = await seedDemoStoreCredentials(db, 'e2e/.generated/demo-store.json');
if (!demoStore) throw new Error('[e2e] the seed made no demo merchant, so the demo store has no credentials');
await db.$disconnect();
Object.assign(env, { DEMO_STORE_API_KEY: demoStore.apiKey, DEMO_STORE_WEBHOOK_SECRET: demoStore.webhookSecret });
await applyDemoStoreMigrations(database.url);
await applySandboxBankMigrations(database.url);
await seedSandboxBank(database.url);
// Set-up steps with no page of their own (making someone an admin) reach the database here.
writeFileSync('e2e/.generated/database.json', JSON.stringify({ url: database.url }));
writeFileSync(
  'e2e/.generated/sandbox-bank.json',
  JSON.stringify({
    clientSecret: env.SANDBOX_BANK_CLIENT_SECRET,
    noticeSecret: env.SANDBOX_BANK_NOTICE_SECRET,
    operatorSecret: env.SANDBOX_BANK_OPERATOR_SECRET,
  }),
);

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...env },
  });
  if (build.status !== 0) {
    await database.drop();
    await database.stopServer();
    process.exit(build.status ?? 1);
  }
}

const next = runNext(['start', '-p', String(port)], env);
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopChild(next);
  await mail.stop().catch(() => undefined);
  await database.drop().catch(() => undefined);
  await database.stopServer();
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));
next.on('exit', (code) => void shutdown(code ?? 1));
