// node-postgres pools for the bank (plain SQL; Prisma belongs to the wallet). BIGINT comes
// back as bigint through a per-pool type parser: setting pg's global parser would change
// what the wallet's Prisma adapter, which shares the pg module, receives.
import 'server-only';
import pg from 'pg';
import { sandboxBankEnv } from '../env';

export type BankPool = pg.Pool;
export type BankClient = pg.PoolClient;
/** Anything that can run a query: a pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

const INT8_OID = 20;
const bankTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createSandboxBankPool(databaseUrl: string, max = 5): BankPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types: bankTypes, connectionTimeoutMillis: 10_000 });
  pool.on('error', (err) => console.error('[sandbox-bank] idle database client error:', err.message));
  return pool;
}

const globalForBank = globalThis as unknown as { sandboxBankPool?: BankPool };

/** The app's one bank pool (kept on globalThis so dev reloads reuse it). */
export function sandboxBankPool(): BankPool {
  if (!globalForBank.sandboxBankPool) {
    const url = sandboxBankEnv().databaseUrl;
    if (!url)
      throw new Error(
        '[sandbox-bank] no database: set SANDBOX_BANK_DATABASE_URL or DATABASE_URL (npm run dev sets it)',
      );
    globalForBank.sandboxBankPool = createSandboxBankPool(url);
  }
  return globalForBank.sandboxBankPool;
}
