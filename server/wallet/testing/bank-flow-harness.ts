// What an integration test of money flows against the sandbox bank needs, started once per
// file: a fresh database of its own, the bank served over real HTTP (migrated and seeded),
// the wallet's notice endpoint served over HTTP, a real pg-boss, and the wallet's deps on
// all of them. `close()` stops everything and drops the database.
import type PgBoss from 'pg-boss';
import { createSandboxBankPool, type BankPool } from '@/sandbox-bank/db/pool';
import { DEV_CLIENT_SECRET, DEV_NOTICE_SECRET } from '@/sandbox-bank/env';
import { serveSandboxBank } from '@/sandbox-bank/testing/serve-sandbox-bank';
import { createFreshDatabase, type FreshDatabase } from '../../../scripts/db/test-database';
import { SandboxBankGateway } from '../../bank/sandbox-bank-gateway';
import { createDb, type Db } from '../../db';
import { PgBossJobQueue, startPgBoss } from '../../jobs/job-queue';
import type { AppDeps } from '../../core/deps';
import { serveWalletNotices } from './wallet-fixtures';

export type BankFlowHarness = {
  database: FreshDatabase;
  db: Db;
  pool: BankPool;
  boss: PgBoss;
  deps: AppDeps;
  close(): Promise<void>;
};

export type BankFlowHarnessOptions = { dbPoolSize?: number; bankPoolSize?: number; bankTimeoutMs?: number };

export async function startBankFlowHarness(
  name: string,
  options: BankFlowHarnessOptions = {},
): Promise<BankFlowHarness> {
  const database = await createFreshDatabase(name);
  const bank = await serveSandboxBank({ databaseUrl: database.url, timeoutFaultMs: 3_000 });
  const db = createDb(database.url, options.dbPoolSize ?? 20);
  const pool = createSandboxBankPool(database.url, options.bankPoolSize ?? 10);
  // The notice server starts first (its URL goes into deps); it reads deps once they exist.
  const served: { deps?: AppDeps } = {};
  const notices = await serveWalletNotices(() => served.deps!, DEV_NOTICE_SECRET);
  const boss = await startPgBoss(database.url, { supervise: false, schedule: false });
  const deps: AppDeps = {
    db,
    bank: new SandboxBankGateway({
      baseUrl: bank.url,
      clientSecret: DEV_CLIENT_SECRET,
      timeoutMs: options.bankTimeoutMs ?? 1_500,
    }),
    jobs: new PgBossJobQueue(boss),
    appUrl: notices.appUrl,
  };
  served.deps = deps;
  return {
    database,
    db,
    pool,
    boss,
    deps,
    async close() {
      await boss.stop({ graceful: false, close: true });
      await bank.close();
      await notices.close();
      await pool.end();
      await db.$disconnect();
      await database.drop();
    },
  };
}
