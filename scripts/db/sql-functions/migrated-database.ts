// A throwaway database with every migration applied (the wallet's, the sandbox bank's and the
// demo store's):
// what the migrations produce, whatever state the developer's own database is in.
import pg from 'pg';
import { applyDemoStoreMigrations } from '../../../demo-store/db/migrate';
import { applySandboxBankMigrations } from '../../../sandbox-bank/db/migrate';
import { createFreshDatabase } from '../test-database';

export async function withMigratedDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const database = await createFreshDatabase('wallet_functions');
  try {
    await applySandboxBankMigrations(database.url);
    await applyDemoStoreMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    await database.drop();
    await database.stopServer();
  }
}
