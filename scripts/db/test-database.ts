// A throwaway, fully migrated database for one test run or benchmark: on the embedded server
// (started or reused), or on DATABASE_URL's server when it is set (created and dropped
// through its `postgres` maintenance database, so the role needs CREATEDB).
import crypto from 'node:crypto';
import pg from 'pg';
import { databaseUrl, dropDatabase, ensureDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrate';

export interface FreshDatabase {
  /** Connection URL of the new database. */
  url: string;
  /** Its name (`<prefix>_<time>_<random>`). */
  name: string;
  /** Drops the database (disconnecting whoever is still connected). */
  drop(): Promise<void>;
  /** Stops the embedded server if this call started it; nothing with DATABASE_URL. */
  stopServer(): Promise<void>;
}

/** Databases of crashed runs older than this are dropped when a new one is created. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export async function createFreshDatabase(prefix = 'wallet_test'): Promise<FreshDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) {
    throw new Error(
      `[db] invalid database prefix ${JSON.stringify(prefix)} (lowercase letters, digits, _; at most 41)`,
    );
  }

  let adminUrl: string;
  let stopServer: () => Promise<void>;
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    adminUrl = databaseUrl(external, 'postgres');
    stopServer = async () => {};
  } else {
    const server = await startEmbeddedPostgres();
    adminUrl = server.adminUrl;
    stopServer = () => server.stop();
  }

  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  try {
    await dropStaleDatabases(adminUrl, prefix).catch(() => {});
    await ensureDatabase(adminUrl, name);
    const url = databaseUrl(adminUrl, name);
    await applyMigrations(url);
    return { url, name, drop: () => dropDatabase(adminUrl, name), stopServer };
  } catch (err) {
    await dropDatabase(adminUrl, name).catch(() => {});
    await stopServer();
    throw err;
  }
}

/** Drops `<prefix>_<time>_<hex>` databases whose time is older than 6 hours (left by killed runs). */
async function dropStaleDatabases(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${prefix}_`],
    );
    const pattern = new RegExp(`^${prefix}_([0-9a-z]+)_[0-9a-f]{6}$`);
    names = rows
      .map((r) => r.datname)
      .filter((n) => {
        const m = pattern.exec(n);
        return m?.[1] !== undefined && Date.now() - Number.parseInt(m[1], 36) > STALE_AFTER_MS;
      });
  } finally {
    await client.end().catch(() => {});
  }
  for (const n of names) await dropDatabase(adminUrl, n);
}
