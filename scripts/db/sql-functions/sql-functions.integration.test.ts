// The function files (prisma/functions, sandbox-bank/functions) against this run's migrated
// database: the drift check itself, then the comparison on altered copies of a file, to show
// what it catches and what it lets through. Every check runs in a rolled-back transaction.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDemoStoreMigrations } from '../../../demo-store/db/migrate';
import { testDatabaseUrl } from '../../test/test-database-url';
import { repoRoot } from '../embedded-postgres';
import { qualifiedName } from './catalog';
import { checkFunctionFiles } from './check-all';
import { checkDetail, checkFunctionFile } from './compare';
import { type FunctionFile, readFunctionFiles } from './files';
import { functionsMigrationSql } from './migration';
import { FUNCTION_SOURCES } from './sources';

const SCHEMAS = FUNCTION_SOURCES.map((s) => s.schema);
const [WALLET] = FUNCTION_SOURCES;
let client: pg.Client;

beforeAll(async () => {
  // The global setup migrates the wallet and the sandbox bank; the demo store's schema is
  // added by its own tests' setup (idempotent), so it is applied here too.
  await applyDemoStoreMigrations(testDatabaseUrl());
  client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function fileOf(name: string): Promise<FunctionFile> {
  const file = (await readFunctionFiles(WALLET!)).find((f) => f.name === name);
  if (!file) throw new Error(`no prisma/functions/${name}.sql`);
  return file;
}

/** The same file with its text changed by `edit` (which must change it). */
function altered(file: FunctionFile, edit: (sql: string) => string): FunctionFile {
  const sql = edit(file.sql);
  if (sql === file.sql) throw new Error('the edit changed nothing');
  return { ...file, sql };
}

const check = (file: FunctionFile) => checkFunctionFile(client, file, SCHEMAS);

describe('the function files', () => {
  it('hold exactly what the migrations define, and every function of the schemas has one', async () => {
    const report = await checkFunctionFiles(client);
    const drift = report.checks
      .filter((c) => c.check.status !== 'same')
      .map((c) => `${path.relative(repoRoot(), c.file.path)}: ${checkDetail(c.check)}`);
    expect(
      drift,
      'files that differ from the migrations: npm run db:functions:migration -- <name> writes their migration',
    ).toEqual([]);
    expect(
      report.withoutFile.map((fn) => `${qualifiedName(fn)}(${fn.args}) has no file`),
      'npm run db:functions:pull writes them',
    ).toEqual([]);
    expect(report.otherSchemas, 'schemas with functions: give them a folder in sources.ts').toEqual([]);
  });
});

describe('the comparison', () => {
  it('catches one character changed in the body, and says where', async () => {
    const file = await fileOf('ledger_apply');
    const result = await check(
      altered(file, (sql) => sql.replace('must be a count of postings', 'must be a count of postingz')),
    );
    expect(result.status).toBe('changed');
    expect(checkDetail(result)).toMatch(/public\.ledger_apply\(p_ops jsonb\) differs: file line 73: .*postingz/);
  });

  it('catches whitespace and comments in the body (PostgreSQL keeps them)', async () => {
    const file = await fileOf('ledger_try_uuid');
    expect((await check(altered(file, (sql) => sql.replace('THEN p::uuid END', 'THEN p::uuid END ')))).status).toBe(
      'changed',
    );
    expect(
      (await check(altered(file, (sql) => sql.replace('AS $function$\n', 'AS $function$\n  -- note\n')))).status,
    ).toBe('changed');
  });

  it('catches a changed attribute outside the body', async () => {
    const file = await fileOf('ledger_try_uuid');
    const result = await check(altered(file, (sql) => sql.replace('IMMUTABLE PARALLEL SAFE', 'STABLE PARALLEL SAFE')));
    expect(result).toEqual({ status: 'changed', detail: expect.stringContaining('STABLE') });
  });

  it('lets the header be laid out differently: PostgreSQL lays it out itself', async () => {
    const file = await fileOf('ledger_try_uuid');
    const body = /AS (\$function\$[\s\S]*\$function\$)/.exec(file.sql)?.[1];
    const oneLine = `create or replace function public.ledger_try_uuid(p text) returns uuid language sql immutable parallel safe as ${body};`;
    expect(await check({ ...file, sql: oneLine })).toEqual({ status: 'same' });
  });

  it('catches another argument type (the file would add an overload)', async () => {
    const file = await fileOf('ledger_try_uuid');
    const result = await check(
      altered(file, (sql) => sql.replace('ledger_try_uuid(p text)', 'ledger_try_uuid(p varchar)')),
    );
    expect(result.status).toBe('changed');
    expect(checkDetail(result)).toContain('the file defines public.ledger_try_uuid(p character varying)');
  });

  it('calls a function the database lacks new, and refuses a file that is not its function', async () => {
    const file = await fileOf('ledger_try_uuid');
    const renamed = altered(file, (sql) => sql.replace('public.ledger_try_uuid(', 'public.ledger_try_uuid_v2('));
    expect((await check({ ...renamed, name: 'ledger_try_uuid_v2' })).status).toBe('new');
    expect(await check(renamed)).toEqual({
      status: 'invalid',
      detail: expect.stringContaining('changes public.ledger_try_uuid_v2; it may only define public.ledger_try_uuid'),
    });
    expect(await check({ ...file, sql: '-- nothing\nSELECT 1;' })).toEqual({
      status: 'invalid',
      detail: 'public.ledger_try_uuid: the file defines no function',
    });
    expect((await check({ ...file, sql: 'CREATE OR REPLACE FUNCTION broken(' })).status).toBe('invalid');
    expect(await check({ ...file, sql: `${file.sql}\nROLLBACK;` })).toEqual({
      status: 'invalid',
      detail: 'public.ledger_try_uuid: the file ends the transaction',
    });
  });

  it('leaves the database as it was', async () => {
    const before = await functionDef('public.ledger_try_uuid(text)');
    const file = await fileOf('ledger_try_uuid');
    await check(altered(file, (sql) => sql.replace('THEN p::uuid END', 'THEN NULL END')));
    expect(await functionDef('public.ledger_try_uuid(text)')).toBe(before);
  });
});

describe('the generated migration', () => {
  it('applies the changed file, after which the file matches', async () => {
    const file = await fileOf('ledger_try_uuid');
    const edited = altered(file, (sql) => sql.replace('THEN p::uuid END', 'THEN p::uuid END -- well-formed only'));
    const sql = functionsMigrationSql(WALLET!, [edited]);
    expect(sql).not.toContain('as the migrations define it');
    try {
      await client.query(sql);
      expect(await check(edited)).toEqual({ status: 'same' });
      expect((await check(file)).status).toBe('changed');
    } finally {
      await client.query(file.sql);
    }
    expect(await check(file)).toEqual({ status: 'same' });
  });
});

async function functionDef(signature: string): Promise<string> {
  const { rows } = await client.query<{ d: string }>('SELECT pg_get_functiondef($1::regprocedure) AS d', [signature]);
  return rows[0]!.d;
}
