// node-postgres pools for the store (plain SQL; Prisma belongs to the wallet). BIGINT comes
// back as bigint through a per-pool type parser, never pg's global one, which the wallet's
// Prisma adapter shares.
import 'server-only';
import pg from 'pg';
import { demoStoreConfig } from '../config';

export type StorePool = pg.Pool;
export type StoreClient = pg.PoolClient;
/** Anything that can run a query: a pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

const INT8_OID = 20;
const storeTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createDemoStorePool(databaseUrl: string, max = 3): StorePool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types: storeTypes, connectionTimeoutMillis: 10_000 });
  pool.on('error', (err) => console.error('[demo-store] idle database client error:', err.message));
  return pool;
}

const globalForStore = globalThis as unknown as { demoStorePool?: StorePool };

/** The app's one store pool (kept on globalThis so dev reloads reuse it). */
export function demoStorePool(): StorePool {
  if (!globalForStore.demoStorePool) {
    const url = demoStoreConfig().databaseUrl;
    if (!url) throw new Error('[demo-store] no database: set DATABASE_URL (npm run dev sets it)');
    globalForStore.demoStorePool = createDemoStorePool(url);
  }
  return globalForStore.demoStorePool;
}
