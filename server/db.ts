// The one Prisma client of the app, on node-postgres through the driver adapter.
// Kept on globalThis so Next's dev reloads do not open a new pool per edit.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

export type Db = PrismaClient;
export type { Prisma } from './generated/prisma/client';

const globalForDb = globalThis as unknown as { walletDb?: PrismaClient };

export function createDb(url: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  if (!globalForDb.walletDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm run dev`, which sets it');
    globalForDb.walletDb = createDb(url, env().DATABASE_POOL_SIZE);
  }
  return globalForDb.walletDb;
}
