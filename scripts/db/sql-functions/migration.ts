// A new migration that applies the function files that differ from the migrated database:
// a Prisma migration (`prisma/migrations/<timestamp>_<name>/migration.sql`) for the wallet's
// schema, a numbered one (`NNN_<name>.sql`) for the sandbox bank's.
import fs from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../embedded-postgres';
import { utcTimestamp } from '../migrate';
import { type FunctionFile, withoutGeneratedHeader } from './files';
import type { FunctionSource } from './sources';

/** The migration's SQL: a comment naming the files, then each file as it is. */
export function functionsMigrationSql(source: FunctionSource, files: readonly FunctionFile[]): string {
  const names = files.map((f) => `${source.dir}/${f.name}.sql`);
  const header =
    `-- Written by \`npm run db:functions:migration\` from the function files that differed from\n` +
    `-- what the earlier migrations define:\n` +
    names.map((n) => `--   ${n}\n`).join('');
  return [header, ...files.map((f) => withoutGeneratedHeader(f.sql).replace(/\s+$/, '') + '\n')].join('\n');
}

/** Writes the migration for one source; returns its path. */
export async function writeFunctionsMigration(
  source: FunctionSource,
  files: readonly FunctionFile[],
  name: string,
  opts: { root?: string; now?: Date } = {},
): Promise<string> {
  const dir = path.join(opts.root ?? repoRoot(), source.migrations.dir);
  const sql = functionsMigrationSql(source, files);
  let file: string;
  if (source.migrations.kind === 'prisma') {
    const migrationDir = path.join(dir, `${utcTimestamp(opts.now)}_${name}`);
    await fs.mkdir(migrationDir); // fails when it exists, as `db:migrate:new` does
    file = path.join(migrationDir, 'migration.sql');
  } else {
    file = path.join(dir, `${nextNumber(await fs.readdir(dir))}_${name}.sql`);
  }
  await fs.writeFile(file, sql, { encoding: 'utf-8', flag: 'wx' });
  return file;
}

/** The next `NNN` after the highest numbered file in the folder. */
export function nextNumber(fileNames: readonly string[]): string {
  const numbers = fileNames.map((n) => /^(\d{3})_/.exec(n)?.[1]).filter((n) => n !== undefined);
  const next = Math.max(0, ...numbers.map(Number)) + 1;
  if (next > 999) throw new Error('numbered migrations are full (999)');
  return String(next).padStart(3, '0');
}
