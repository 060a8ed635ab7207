import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseFunction } from './catalog';
import { type FunctionFile, functionFileText } from './files';
import { functionsMigrationSql, nextNumber, writeFunctionsMigration } from './migration';
import { FUNCTION_SOURCES } from './sources';

const [WALLET, BANK] = FUNCTION_SOURCES as [(typeof FUNCTION_SOURCES)[0], (typeof FUNCTION_SOURCES)[0]];
const definition =
  'CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT 1 $function$\n';
const fn: DatabaseFunction = {
  oid: 1,
  schema: 'public',
  name: 'f',
  args: '',
  definition,
  body: ' SELECT 1 ',
  xmin: '1',
};
const file = (sql: string): FunctionFile => ({ schema: 'public', name: 'f', path: '/x/f.sql', sql });

describe('functionFileText', () => {
  it('is a one-line header and the definition ended by a semicolon', () => {
    const text = functionFileText([fn]);
    expect(text.split('\n')[0]).toMatch(/^-- public\.f as the migrations define it/);
    expect(text.slice(text.indexOf('\n') + 1)).toBe(definition.trimEnd() + ';\n');
  });
});

describe('functionsMigrationSql', () => {
  it('lists the files and holds each without its generated header', () => {
    const sql = functionsMigrationSql(WALLET, [file(functionFileText([fn]))]);
    expect(sql).toContain('--   prisma/functions/f.sql\n');
    expect(sql).not.toContain('as the migrations define it');
    expect(sql.endsWith(definition.trimEnd() + ';\n')).toBe(true);
  });

  it('keeps comments a person wrote above the definition', () => {
    const sql = functionsMigrationSql(WALLET, [file(`-- why f exists\n${definition.trimEnd()};\n`)]);
    expect(sql).toContain('-- why f exists\nCREATE OR REPLACE FUNCTION public.f()');
  });
});

describe('nextNumber', () => {
  it('follows the highest NNN_ file', () => {
    expect(nextNumber(['001_books.sql', '002_holder_phone_codes.sql', 'README'])).toBe('003');
    expect(nextNumber([])).toBe('001');
    expect(() => nextNumber(['999_last.sql'])).toThrow(/full/);
  });
});

describe('writeFunctionsMigration', () => {
  let root = '';
  afterEach(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('writes a Prisma migration directory for the wallet and a numbered file for the bank', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'fn-migration-'));
    await fs.mkdir(path.join(root, 'prisma/migrations'), { recursive: true });
    await fs.mkdir(path.join(root, 'sandbox-bank/migrations'), { recursive: true });
    await fs.writeFile(path.join(root, 'sandbox-bank/migrations/002_x.sql'), '');
    const now = new Date(Date.UTC(2026, 11, 7, 9, 5, 3));
    const wallet = await writeFunctionsMigration(WALLET, [file(definition)], 'faster_f', { root, now });
    expect(path.relative(root, wallet)).toBe('prisma/migrations/20261207090503_faster_f/migration.sql');
    const bank = await writeFunctionsMigration(BANK, [file(definition)], 'faster_f', { root, now });
    expect(path.relative(root, bank)).toBe('sandbox-bank/migrations/003_faster_f.sql');
    expect(await fs.readFile(bank, 'utf8')).toContain(definition.trimEnd());
    await expect(writeFunctionsMigration(WALLET, [file(definition)], 'faster_f', { root, now })).rejects.toThrow(
      /EEXIST/,
    );
  });
});
