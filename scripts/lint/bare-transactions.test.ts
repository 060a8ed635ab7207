import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED, findBareTransactions, transactionCalls } from './bare-transactions';

describe('transactions go through inTransaction', () => {
  it('recognises every way of opening one, and nothing in comments or strings', () => {
    const text = [
      '// db.$transaction(async (tx) => {}) in a comment',
      "const s = 'db.$transaction(fn)';",
      'await db.$transaction(async (tx) => tx.user.count());',
      'await deps.db.$transaction([db.user.count()]);',
      "await db['$transaction'](fn, { timeout: 1 });",
      'await db.$transaction<number>(fn);',
      'await inTransaction(db, fn);',
    ].join('\n');
    expect(transactionCalls(text)).toEqual([3, 4, 5, 6]);
  });

  it('scans the project (server/, app/, scripts/, prisma/…) and finds none outside the helper', () => {
    const { scanned, found } = findBareTransactions();
    expect(scanned).toEqual(
      expect.arrayContaining(['server/core/in-transaction.ts', 'server/orders/create-order.ts', 'prisma/seed.ts']),
    );
    expect(scanned.some((file) => file.startsWith('app/'))).toBe(true);
    expect(found.map((f) => `${f.file}:${f.line} opens a transaction without inTransaction`)).toEqual([]);
  });

  it('allows only files that still need it', () => {
    for (const file of Object.keys(ALLOWED)) {
      expect(transactionCalls(readFileSync(file, 'utf8')).length, file).toBeGreaterThan(0);
    }
  });
});
