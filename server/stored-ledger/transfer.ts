// Post a journal entry now (docs/design.md, "Chart of accounts"). Refused with InsufficientFundsError, nothing
// written, when an account that may not go negative would drop below zero available.
import type { JournalEntry } from '@/ledger';
import type { LedgerOpSuccess } from './apply-ledger-ops';
import { okOrThrow, runLedgerOp, type LedgerTarget } from './run-ledger-op';

export type PostTransferOptions = {
  /** Whose idempotency keys these are (e.g. a user or merchant id); keys are unique per scope. */
  idempotencyScope?: string;
};

/**
 * Posts `entry` (built with buildJournalEntry). Same idempotency key and request: the first
 * result again with `replayed: true`; same key, other request: IdempotencyConflictError.
 */
export async function postTransfer(
  db: LedgerTarget,
  entry: JournalEntry,
  options: PostTransferOptions = {},
): Promise<LedgerOpSuccess> {
  return okOrThrow(await runLedgerOp(db, { type: 'transfer', entry, ...scope(options.idempotencyScope) }));
}

function scope(idempotencyScope: string | undefined): { idempotencyScope?: string } {
  return idempotencyScope === undefined ? {} : { idempotencyScope };
}
