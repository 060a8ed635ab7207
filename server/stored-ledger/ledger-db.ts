// What the stored ledger needs from Prisma: raw queries. Both the app's PrismaClient and an
// interactive transaction's client satisfy it, so every ledger function composes into a
// caller's transaction (docs/house-rules.md rule 6) or runs on its own.
import 'server-only';
import type { Prisma } from '../db';

export type LedgerDb = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

/**
 * True for the root client, false inside an interactive transaction (a failed statement
 * there aborts the caller's transaction, so only the caller may retry). Transaction clients
 * still have `$transaction` (for nesting) but lack `$connect` (Prisma's ITX deny list).
 */
export function isRootClient(db: LedgerDb): boolean {
  return typeof (db as { $connect?: unknown }).$connect === 'function';
}
