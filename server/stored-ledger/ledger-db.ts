// The stored ledger takes any client (DbClient): the root one or a transaction's, so every
// ledger function composes into a caller's transaction (docs/house-rules.md rule 6) or runs
// on its own. Which of the two it was given decides who may retry a failed statement.
import 'server-only';
import type { Db, DbClient } from '../db';

/**
 * True for the root client, false inside an interactive transaction (a failed statement
 * there aborts the caller's transaction, so only the caller may retry). Transaction clients
 * still have `$transaction` (for nesting) but lack `$connect` (Prisma's ITX deny list).
 */
export function isRootClient(db: DbClient): db is Db {
  return typeof (db as { $connect?: unknown }).$connect === 'function';
}
