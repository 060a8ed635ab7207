// Does a function file say what the database has? The file is run inside a transaction that
// is rolled back, and pg_get_functiondef of what it created is compared with the database's:
// PostgreSQL lays out the header itself (so `CREATE FUNCTION … RETURNS void LANGUAGE plpgsql`
// on one line equals its own layout), while the body is kept verbatim (so one character,
// a space or a comment changed in the body is a difference). pg_proc.xmin tells which
// functions the file (re)defined even when their text did not change.
import type pg from 'pg';
import { databaseFunctions, type DatabaseFunction } from './catalog';
import type { FunctionFile } from './files';

export type FileCheck =
  /** The database has exactly the file's definition(s). */
  | { status: 'same' }
  /** The file defines the function differently from the database (text, attributes or arguments). */
  | { status: 'changed'; detail: string }
  /** The database has no function of that name: a new function. */
  | { status: 'new'; detail: string }
  /** The file does not run, or does something other than define the function it is named after. */
  | { status: 'invalid'; detail: string };

/** What differs, in words ('' when nothing does). */
export function checkDetail(check: FileCheck): string {
  return check.status === 'same' ? '' : check.detail;
}

export async function checkFunctionFile(
  client: pg.ClientBase,
  file: FunctionFile,
  schemas: readonly string[],
): Promise<FileCheck> {
  const target = `${file.schema}.${file.name}`;
  await client.query('BEGIN');
  try {
    const before = await databaseFunctions(client, schemas);
    await client.query('SAVEPOINT function_file');
    try {
      await client.query(file.sql);
    } catch (err) {
      return { status: 'invalid', detail: `${target}: the file does not run: ${(err as Error).message}` };
    }
    // A COMMIT or ROLLBACK in the file would end this transaction (and keep what it did).
    const stillInside = await client.query('RELEASE SAVEPOINT function_file').then(
      () => true,
      () => false,
    );
    if (!stillInside) return { status: 'invalid', detail: `${target}: the file ends the transaction` };
    const after = await databaseFunctions(client, schemas);
    return compare(target, file, before, after);
  } finally {
    await client.query('ROLLBACK');
  }
}

function compare(target: string, file: FunctionFile, before: DatabaseFunction[], after: DatabaseFunction[]): FileCheck {
  const old = new Map(before.map((fn) => [fn.oid, fn]));
  const isTarget = (fn: DatabaseFunction) => fn.schema === file.schema && fn.name === file.name;
  const touched = after.filter((fn) => old.get(fn.oid)?.xmin !== fn.xmin);
  const dropped = before.filter((fn) => !after.some((a) => a.oid === fn.oid));
  const other = [...touched, ...dropped].filter((fn) => !isTarget(fn));
  if (other.length) {
    const names = [...new Set(other.map((fn) => `${fn.schema}.${fn.name}`))].join(', ');
    return { status: 'invalid', detail: `${target}: the file changes ${names}; it may only define ${target}` };
  }
  if (dropped.length) return { status: 'invalid', detail: `${target}: the file drops a function` };
  if (touched.length === 0) return { status: 'invalid', detail: `${target}: the file defines no function` };

  const existing = before.filter(isTarget);
  const added = touched.filter((fn) => !old.has(fn.oid));
  if (existing.length === 0) {
    return { status: 'new', detail: `${target}(${added.map((fn) => fn.args).join('), (')}) is not in the database` };
  }
  const differences: string[] = [];
  for (const fn of added) {
    differences.push(`the file defines ${target}(${fn.args}), which the database does not have`);
  }
  for (const fn of existing) {
    const now = touched.find((t) => t.oid === fn.oid);
    if (now === undefined) differences.push(`the database has ${target}(${fn.args}), which the file does not define`);
    else if (now.definition !== fn.definition) {
      differences.push(`${target}(${fn.args}) differs: ${firstDifference(fn.definition, now, file.sql)}`);
    }
  }
  return differences.length ? { status: 'changed', detail: differences.join('; ') } : { status: 'same' };
}

/**
 * Where the file's definition first differs from the database's, as `line N: database «…»,
 * file «…»`; N is the file's line when the difference is in the body (kept verbatim, so it
 * can be found in the file), else the line of PostgreSQL's layout of the definition.
 */
export function firstDifference(
  database: string,
  file: Pick<DatabaseFunction, 'definition' | 'body'>,
  fileText: string,
): string {
  const a = database.split('\n');
  const b = file.definition.split('\n');
  const show = (line: string | undefined) => (line === undefined ? '(no line)' : JSON.stringify(line.slice(0, 160)));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const offset = b.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
    const bodyStart = file.definition.indexOf(file.body);
    const bodyInFile = fileText.indexOf(file.body);
    const where =
      bodyStart >= 0 && bodyInFile >= 0 && offset >= bodyStart && offset <= bodyStart + file.body.length
        ? `file line ${lineOf(fileText, bodyInFile + offset - bodyStart)}`
        : `line ${i + 1} of the definition as PostgreSQL prints it`;
    return `${where}: database ${show(a[i])}, file ${show(b[i])}`;
  }
  return 'the definitions are equal';
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
