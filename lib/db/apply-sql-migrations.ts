// Ordered plain-SQL migrations for the outside systems that keep their own schema on the same
// database (the sandbox bank, the demo store): <dir>/NNN_name.sql applied in order, each in its
// own transaction, recorded in <schema>.schema_migrations with a checksum. Safe to call at
// every start: a session advisory lock makes concurrent starts take turns, and a file changed
// after it was applied is refused rather than silently skipped.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;
const SCHEMA_PATTERN = /^[a-z_]+$/;

export type SqlMigrationsTarget = {
  /** The schema the system owns (also where schema_migrations lives). */
  schema: string;
  /** The folder of NNN_name.sql files. */
  dir: string;
  /** An advisory lock key of this system's own (distinct from Prisma's and the others'). */
  lockKey: number;
  /** Prefix of error messages, e.g. "[sandbox-bank]". */
  label: string;
};

export type MigrationFile = { name: string; sql: string; checksum: string };

export async function readMigrationFiles(dir: string, label: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files = [];
  for (const name of names) {
    if (!FILE_PATTERN.test(name)) throw new Error(`${label} migration file name ${name} is not NNN_name.sql`);
    const sql = await readFile(path.join(dir, name), 'utf8');
    files.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function applySqlMigrations(databaseUrl: string, target: SqlMigrationsTarget): Promise<string[]> {
  const { schema, label } = target;
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`${label} schema name ${schema} is not [a-z_]+`);
  const files = await readMigrationFiles(target.dir, label);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [target.lockKey]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${schema}.schema_migrations`,
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const name of applied.keys()) {
      if (!files.some((f) => f.name === name))
        throw new Error(`${label} migration ${name} was applied but its file is gone`);
    }
    const done: string[] = [];
    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new Error(`${label} migration ${file.name} changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query(`INSERT INTO ${schema}.schema_migrations (name, checksum) VALUES ($1, $2)`, [
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`${label} migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(file.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [target.lockKey]).catch(() => {});
    await client.end().catch(() => {});
  }
}
