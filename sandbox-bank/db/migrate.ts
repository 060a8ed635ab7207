// The sandbox bank's own migrations: sandbox-bank/migrations/NNN_name.sql applied in order,
// each in its own transaction, recorded in sandbox_bank.schema_migrations with a checksum.
// Safe to call at every start: a session advisory lock makes concurrent starts take turns,
// and a file changed after it was applied is refused rather than silently skipped.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

// An arbitrary constant, distinct from the one Prisma's engine uses for its own lock.
const MIGRATION_LOCK_KEY = 72_700_001;
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** Where the .sql files live (the repo's sandbox-bank/migrations, from the working directory). */
export function sandboxBankMigrationsDir(): string {
  return path.resolve(process.cwd(), 'sandbox-bank', 'migrations');
}

export async function readMigrationFiles(dir = sandboxBankMigrationsDir()): Promise<{ name: string; sql: string; checksum: string }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files = [];
  for (const name of names) {
    if (!FILE_PATTERN.test(name)) throw new Error(`[sandbox-bank] migration file name ${name} is not NNN_name.sql`);
    const sql = await readFile(path.join(dir, name), 'utf8');
    files.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function applySandboxBankMigrations(databaseUrl: string, dir = sandboxBankMigrationsDir()): Promise<string[]> {
  const files = await readMigrationFiles(dir);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE SCHEMA IF NOT EXISTS sandbox_bank');
    await client.query(`CREATE TABLE IF NOT EXISTS sandbox_bank.schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM sandbox_bank.schema_migrations');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const name of applied.keys()) {
      if (!files.some((f) => f.name === name)) throw new Error(`[sandbox-bank] migration ${name} was applied but its file is gone`);
    }
    const done: string[] = [];
    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new Error(`[sandbox-bank] migration ${file.name} changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO sandbox_bank.schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`[sandbox-bank] migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(file.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
