// The one Prisma client of the app, on node-postgres through the driver adapter.
// Kept on globalThis so Next's dev reloads do not open a new pool per edit.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { env } from './env';

/**
 * The database clients, by one name each (Prisma's own names are not used elsewhere):
 * `Db` is the root client (the pool; it opens transactions, through inTransaction),
 * `Tx` the client of one interactive transaction (for steps that must share the caller's),
 * `DbClient` either (for reads and writes that compose into a caller's transaction or run
 * on their own). A root client is a `Tx` too as far as the types go: naming the parameter
 * `tx: Tx` is how a function says it expects to run inside its caller's transaction.
 */
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type DbClient = Db | Tx;
export type { Prisma } from './generated/prisma/client';

const globalForDb = globalThis as unknown as { walletDb?: Db };

export function createDb(url: string, poolSize = 10): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  return new PrismaClient({ adapter });
}

export function db(): Db {
  if (!globalForDb.walletDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm run dev`, which sets it');
    globalForDb.walletDb = createDb(url, env().DATABASE_POOL_SIZE);
  }
  return globalForDb.walletDb;
}
