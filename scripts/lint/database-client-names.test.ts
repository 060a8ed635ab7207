import { describe, expect, it } from 'vitest';
import { findPrismaClientNames } from './database-client-names';

describe('database client names', () => {
  it("are Db, Tx and DbClient (server/db.ts): Prisma's own names appear nowhere else", () => {
    const { scanned, found } = findPrismaClientNames();
    expect(scanned).toEqual(expect.arrayContaining(['server/stored-ledger/ledger-db.ts', 'server/auth/sessions.ts']));
    expect(found).toEqual([]);
  });
});
