// Voids holds whose expiry has passed on the database clock (docs/design.md, "State machines": a hold that expires
// releases its funds). Run it from the job queue every few seconds; it is safe to run twice
// at once (each hold is voided once; a racing postHold or voidHold wins or loses cleanly).
import 'server-only';
import type { DbClient } from '../db';

export type ExpireHoldsOptions = {
  /** Holds per transaction (default 500). */
  batchSize?: number;
  /** Transactions per run at most (default 20). */
  maxBatches?: number;
};

/** Returns how many holds it voided. Use the root client: each batch is its own transaction. */
export async function expireHolds(db: DbClient, options: ExpireHoldsOptions = {}): Promise<number> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
  const maxBatches = Math.max(1, Math.floor(options.maxBatches ?? 20));
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT ledger_expire_holds(${batchSize}::int) AS n`;
    const voided = Number(rows[0]?.n ?? 0);
    total += voided;
    if (voided < batchSize) break;
  }
  return total;
}
