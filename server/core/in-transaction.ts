// One interactive transaction for a use case, retried as a whole on serialization failures
// and deadlocks (docs/stack.md, "Concurrency through Prisma"), with waits long enough for a busy pool (Prisma's 2 s default
// for acquiring a connection is too short under load). It is the only place that opens a
// transaction (in-transaction-only.test.ts checks the tree).
//
// The callback may run more than once: it must have no effect outside the database (no mail,
// no HTTP call that changes something, no in-memory counter). Such effects follow the commit.
import 'server-only';
import type { Db, Prisma, Tx } from '../db';
import { withRetry, type RetryOptions } from '../stored-ledger';

export type TransactionOptions = {
  /** Longest wait for a connection from the pool (default 10 s). */
  maxWait?: number;
  /** Longest the transaction may stay open (default 20 s). */
  timeout?: number;
  /** Default: the database's (READ COMMITTED). */
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Called before each retry (tests count them; logs may too). */
  onRetry?: RetryOptions['onRetry'];
};

export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { onRetry, maxWait = 10_000, timeout = 20_000, isolationLevel } = options;
  return withRetry(() => db.$transaction(fn, { maxWait, timeout, ...(isolationLevel ? { isolationLevel } : {}) }), {
    ...(onRetry ? { onRetry } : {}),
  });
}
