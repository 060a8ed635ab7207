// `npm run db:functions:migration -- <name>`: a new migration with every function file
// (prisma/functions/*.sql, sandbox-bank/functions/*.sql) whose definition differs from what
// the existing migrations produce, checked on a freshly migrated throwaway database. Edit
// the file, run this, review the migration (a new trigger function still needs its CREATE
// TRIGGER), then `npm run db:migrate`.
import path from 'node:path';
import { runCli } from './lib/run-cli';
import { qualifiedName } from './db/sql-functions/catalog';
import { checkFunctionFiles } from './db/sql-functions/check-all';
import { checkDetail } from './db/sql-functions/compare';
import type { FunctionFile } from './db/sql-functions/files';
import { writeFunctionsMigration } from './db/sql-functions/migration';
import { withMigratedDatabase } from './db/sql-functions/migrated-database';
import { FUNCTION_SOURCES } from './db/sql-functions/sources';

const NAME = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const name = args[0] ?? '';
  if (args.length !== 1 || !NAME.test(name) || name.length > 200) {
    console.error('usage: npm run db:functions:migration -- <name>   (snake_case, e.g. ledger_apply_faster)');
    return 2;
  }
  const report = await withMigratedDatabase((client) => checkFunctionFiles(client));

  const invalid = report.checks.filter((c) => c.check.status === 'invalid');
  for (const { check } of invalid) console.error(checkDetail(check));
  if (invalid.length) {
    console.error('Nothing written: fix the files above first.');
    return 1;
  }
  for (const schema of report.otherSchemas) {
    console.log(`note: schema ${schema} has functions but no folder (scripts/db/sql-functions/sources.ts)`);
  }
  for (const fn of report.withoutFile) {
    console.log(`note: ${qualifiedName(fn)}(${fn.args}) has no file (npm run db:functions:pull writes it)`);
  }

  let written = 0;
  for (const source of FUNCTION_SOURCES) {
    const changed: FunctionFile[] = [];
    for (const { source: s, file, check } of report.checks) {
      if (s !== source || (check.status !== 'changed' && check.status !== 'new')) continue;
      console.log(`${check.status}: ${checkDetail(check)}`);
      changed.push(file);
    }
    if (!changed.length) continue;
    const file = await writeFunctionsMigration(source, changed, name);
    console.log(`Created ${path.relative(process.cwd(), file)}`);
    written++;
  }
  if (written === 0) console.log('No function file differs from the migrations. Nothing written.');
  else console.log('\nReview it (a changed signature needs a DROP FUNCTION of the old one), then: npm run db:migrate');
  return 0;
}

runCli('db:functions:migration', main);
