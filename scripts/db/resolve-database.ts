// Which database the app, the CLIs and the tests use (docs/stack.md, "The embedded database"):
// - DATABASE_URL set: that server. With `databaseName`, that database on the same server.
//   The database is created when missing (needs CREATEDB). stop() does nothing.
// - otherwise: the embedded PostgreSQL under .data/ (started, or reused when already
//   running) and the database `wallet` on it (created when missing). stop() stops the
//   server only if this call started it.
import pg from 'pg';
import { databaseNameOf, databaseUrl, ensureDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';

export const DEFAULT_DATABASE_NAME = 'wallet';

export interface ResolvedDatabase {
  /** Connection URL of the app database. */
  url: string;
  /** URL of the server's `postgres` maintenance database (same credentials). */
  adminUrl: string;
  /** True when the embedded server is used. */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(
  opts: { databaseName?: string; log?: (line: string) => void } = {},
): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    const url = opts.databaseName ? databaseUrl(external, opts.databaseName) : external;
    const adminUrl = databaseUrl(external, 'postgres');
    await ensureExternalDatabase(url, adminUrl);
    return { url, adminUrl, embedded: false, stop: async () => {} };
  }

  const server = await startEmbeddedPostgres(opts.log ? { log: opts.log } : {});
  try {
    const name = opts.databaseName ?? DEFAULT_DATABASE_NAME;
    await ensureDatabase(server.adminUrl, name);
    return {
      url: databaseUrl(server.adminUrl, name),
      adminUrl: server.adminUrl,
      embedded: true,
      stop: () => server.stop(),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Creates the DATABASE_URL database only if connecting says it does not exist (3D000). */
async function ensureExternalDatabase(url: string, adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    await ensureDatabase(adminUrl, databaseNameOf(url));
  } finally {
    await client.end().catch(() => {});
  }
}
