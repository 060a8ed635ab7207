// Every function file of every source against one database, and the database's functions
// that have no file.
import type pg from 'pg';
import { databaseFunctions, type DatabaseFunction, otherSchemasWithFunctions, qualifiedName } from './catalog';
import { checkFunctionFile, type FileCheck } from './compare';
import { type FunctionFile, readFunctionFiles } from './files';
import { FUNCTION_SOURCES, FUNCTIONS_WITHOUT_FILE, type FunctionSource, SCHEMAS_NOT_OURS } from './sources';

export interface FunctionsReport {
  checks: { source: FunctionSource; file: FunctionFile; check: FileCheck }[];
  /** Functions of those schemas that no file defines (`npm run db:functions:pull` writes them). */
  withoutFile: DatabaseFunction[];
  /** Schemas with functions that neither have a folder in sources.ts nor are listed as not ours. */
  otherSchemas: string[];
}

export async function checkFunctionFiles(
  client: pg.ClientBase,
  opts: { sources?: readonly FunctionSource[]; root?: string } = {},
): Promise<FunctionsReport> {
  const sources = opts.sources ?? FUNCTION_SOURCES;
  const schemas = sources.map((s) => s.schema);
  const report: FunctionsReport = { checks: [], withoutFile: [], otherSchemas: [] };
  const named = new Set<string>();
  for (const source of sources) {
    for (const file of await readFunctionFiles(source, opts.root)) {
      named.add(qualifiedName(file));
      report.checks.push({ source, file, check: await checkFunctionFile(client, file, schemas) });
    }
  }
  report.withoutFile = (await databaseFunctions(client, schemas)).filter(
    (fn) => !named.has(qualifiedName(fn)) && !FUNCTIONS_WITHOUT_FILE.has(qualifiedName(fn)),
  );
  report.otherSchemas = await otherSchemasWithFunctions(client, [...schemas, ...SCHEMAS_NOT_OURS]);
  return report;
}
