// Vitest global setup for *.integration.test.ts: a fresh database for this run on the
// embedded server (or on DATABASE_URL's server), migrated, dropped afterwards. The sandbox
// bank's schema is migrated and seeded on the same database.
import type { TestProject } from 'vitest/node';
import { applySandboxBankMigrations } from '../../sandbox-bank/db/migrate';
import { seedSandboxBank } from '../../sandbox-bank/seed';
import { createFreshDatabase } from '../db/test-database';
import { startMailCatcher, type MailCatcher } from '../mail/mail-catcher';

export default async function setup(project: TestProject) {
  const database = await createFreshDatabase('wallet_test');
  let mail: MailCatcher | undefined;
  try {
    await applySandboxBankMigrations(database.url);
    await seedSandboxBank(database.url);
    // Real SMTP: what the use cases mail is caught into this database (dev_mailbox).
    mail = await startMailCatcher(database.url);
  } catch (err) {
    await mail?.stop();
    await database.drop();
    await database.stopServer();
    throw err;
  }
  project.provide('databaseUrl', database.url);
  project.provide('smtpUrl', mail.smtpUrl);
  return async () => {
    await mail.stop();
    await database.drop();
    await database.stopServer();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    smtpUrl: string;
  }
}
