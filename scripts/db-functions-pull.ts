// `npm run db:functions:pull [-- --overwrite]`: writes prisma/functions/<name>.sql (and
// sandbox-bank/functions/) from a freshly migrated throwaway database, for every function the
// migrations define that has no file yet. A file that differs from the migrations is left
// alone (it may hold an edit not yet in a migration) unless --overwrite is given.
import fs from 'node:fs/promises';
import path from 'node:path';
import { runCli } from './lib/run-cli';
import { databaseFunctions, type DatabaseFunction, qualifiedName } from './db/sql-functions/catalog';
import { checkFunctionFiles } from './db/sql-functions/check-all';
import { checkDetail } from './db/sql-functions/compare';
import { functionFileText } from './db/sql-functions/files';
import { withMigratedDatabase } from './db/sql-functions/migrated-database';
import { FUNCTION_SOURCES, sourceDir } from './db/sql-functions/sources';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--overwrite')) {
    console.error('usage: npm run db:functions:pull [-- --overwrite]');
    return 2;
  }
  const overwrite = args.includes('--overwrite');
  return withMigratedDatabase(async (client) => {
    const report = await checkFunctionFiles(client);
    const all = await databaseFunctions(
      client,
      FUNCTION_SOURCES.map((s) => s.schema),
    );
    const overloads = (name: string) => all.filter((fn) => qualifiedName(fn) === name);

    const toWrite = new Map<string, DatabaseFunction[]>();
    for (const fn of report.withoutFile) toWrite.set(qualifiedName(fn), overloads(qualifiedName(fn)));
    let kept = 0;
    for (const { file, check } of report.checks) {
      if (check.status === 'same') continue;
      const existing = overloads(qualifiedName(file));
      if (overwrite && existing.length) toWrite.set(qualifiedName(file), existing);
      else {
        kept++;
        console.log(`kept ${path.relative(process.cwd(), file.path)}: ${checkDetail(check)}`);
      }
    }
    for (const [name, fns] of toWrite) {
      const source = FUNCTION_SOURCES.find((s) => s.schema === fns[0]?.schema);
      if (!source) continue;
      const file = path.join(sourceDir(source), `${name.slice(source.schema.length + 1)}.sql`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, functionFileText(fns), 'utf-8');
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    if (toWrite.size === 0 && kept === 0) console.log('Every function file matches the migrations.');
    return 0;
  });
}

runCli('db:functions:pull', main);
