// Holds (pending entries): reserve funds now, then post or void exactly once. A hold's
// debits count in pending_debits (they reduce what may be spent), its credits in
// pending_credits; neither counts in the posted balance until the hold is posted.
import type { JournalEntry } from '@/ledger';
import type { LedgerOpSuccess } from './apply-ledger-ops';
import { okOrThrow, runLedgerOp, type LedgerTarget } from './run-ledger-op';

export type CreateHoldOptions = {
  /** The hold is voided once this many seconds have passed on the database clock. */
  expiresInSeconds?: number;
  idempotencyScope?: string;
};

/** Creates a PENDING entry reserving the funds; InsufficientFundsError if they are not available. */
export async function createHold(
  db: LedgerTarget,
  entry: JournalEntry,
  options: CreateHoldOptions = {},
): Promise<LedgerOpSuccess> {
  return okOrThrow(
    await runLedgerOp(db, {
      type: 'hold',
      entry,
      ...(options.expiresInSeconds === undefined ? {} : { expiresInSeconds: options.expiresInSeconds }),
      ...(options.idempotencyScope === undefined ? {} : { idempotencyScope: options.idempotencyScope }),
    }),
  );
}

/**
 * Posts a PENDING hold: its postings move from pending to posted in a new POSTED entry (the
 * returned entryId; hold_id links it). HoldNotPendingError if it was already posted or
 * voided, has expired, or does not exist (status NOT_FOUND).
 */
export async function postHold(db: LedgerTarget, holdId: string): Promise<LedgerOpSuccess> {
  return okOrThrow(await runLedgerOp(db, { type: 'postHold', holdId }));
}

/** Voids a PENDING hold, releasing what it reserved. HoldNotPendingError if it is not PENDING. */
export async function voidHold(db: LedgerTarget, holdId: string): Promise<LedgerOpSuccess> {
  return okOrThrow(await runLedgerOp(db, { type: 'voidHold', holdId }));
}
