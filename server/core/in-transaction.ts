// One interactive transaction for a use case, retried as a whole on serialization failures
// and deadlocks (docs/stack.md, "Concurrency through Prisma"), with waits long enough for a busy pool (Prisma's 2 s default
// for acquiring a connection is too short under load).
import 'server-only';
import type { Db, Prisma } from '../db';
import { withRetry } from '../stored-ledger';

export function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return withRetry(() => db.$transaction(fn, { maxWait: 10_000, timeout: 20_000 }));
}
