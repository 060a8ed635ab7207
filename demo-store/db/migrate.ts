// The demo store's own migrations: demo-store/migrations/NNN_name.sql applied in order, each
// in its own transaction, recorded in demo_store.schema_migrations with a checksum. Safe to
// call at every start: a session advisory lock makes concurrent starts take turns, and a file
// changed after it was applied is refused rather than silently skipped.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

// Arbitrary, distinct from Prisma's lock and the sandbox bank's (72_700_001/2).
const MIGRATION_LOCK_KEY = 72_800_001;
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;

export function demoStoreMigrationsDir(): string {
  return path.resolve(process.cwd(), 'demo-store', 'migrations');
}

async function readMigrationFiles(dir: string): Promise<{ name: string; sql: string; checksum: string }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files = [];
  for (const name of names) {
    if (!FILE_PATTERN.test(name)) throw new Error(`[demo-store] migration file name ${name} is not NNN_name.sql`);
    const sql = await readFile(path.join(dir, name), 'utf8');
    files.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function applyDemoStoreMigrations(databaseUrl: string, dir = demoStoreMigrationsDir()): Promise<string[]> {
  const files = await readMigrationFiles(dir);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE SCHEMA IF NOT EXISTS demo_store');
    await client.query(`CREATE TABLE IF NOT EXISTS demo_store.schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM demo_store.schema_migrations');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const name of applied.keys()) {
      if (!files.some((f) => f.name === name)) throw new Error(`[demo-store] migration ${name} was applied but its file is gone`);
    }
    const done: string[] = [];
    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new Error(`[demo-store] migration ${file.name} changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO demo_store.schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`[demo-store] migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(file.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
