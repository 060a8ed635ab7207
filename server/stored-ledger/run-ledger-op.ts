// One op through either a batcher (the app's hot path) or a client (inside a caller's
// transaction, or on its own). Shared by the thin wrappers that throw typed errors.
import 'server-only';
import { applyLedgerOps, type LedgerOpSuccess } from './apply-ledger-ops';
import { LedgerBatcher } from './batching/ledger-batcher';
import type { DbClient } from '../db';
import { isRootClient } from './ledger-db';
import { withRetry } from './retry';
import type { LedgerOp, LedgerOpResult } from './types';

/** Where an op goes: the process batcher, a transaction client, or the root client. */
export type LedgerTarget = DbClient | LedgerBatcher;

export async function runLedgerOp(target: LedgerTarget, op: LedgerOp): Promise<LedgerOpResult> {
  if (target instanceof LedgerBatcher) return target.submit(op);
  const once = async () => {
    const [result] = await applyLedgerOps(target, [op]);
    if (result === undefined) throw new Error('ledger_apply returned no result');
    return result;
  };
  // Inside a caller's transaction the caller retries the whole transaction (withRetry);
  // on the root client the call is its own transaction and may be retried here.
  if (!isRootClient(target)) return once();
  const keyed = (op.type === 'transfer' || op.type === 'hold') && op.entry.idempotencyKey != null;
  return withRetry(once, { retryUnknownOutcome: keyed });
}

/** The success, or the op's typed domain error thrown. */
export function okOrThrow(result: LedgerOpResult): LedgerOpSuccess {
  if (!result.ok) throw result.error;
  return result;
}
