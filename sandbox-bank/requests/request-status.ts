// GET /requests/<reference>: the wallet's active query, for debits and payouts alike. It
// tells the truth even when an answer said PROCESSING or a notice was lost.
import 'server-only';
import type { Queryable } from '../db/pool';
import { RequestNotFoundError } from '../errors';
import { findRequestByReference } from './idempotency';
import { toJsonNumber } from './request-row';

export async function requestStatusOrThrow(db: Queryable, reference: string): Promise<Record<string, unknown>> {
  const r = await findRequestByReference(db, reference);
  if (!r) throw new RequestNotFoundError(`the bank never received reference ${reference}`);
  return {
    reference: r.reference,
    bank_reference: r.bank_reference,
    kind: r.kind,
    status: r.status,
    amount: toJsonNumber(r.amount),
    currency: r.currency,
    failure_reason: r.failure_reason,
    completed_at: r.completed_at?.toISOString() ?? null,
  };
}
