// A request reaches its outcome: status, failure reason and completion time written, and its
// notice queued in the same transaction (shaped by the notice fault, if one applies).
import 'server-only';
import type { BankClient } from '../db/pool';
import type { Fault } from '../faults/fault-modes';
import { queueNotice } from '../notices/queue-notice';
import type { Outcome, RequestRow } from './request-row';

export async function finishRequest(
  client: BankClient,
  request: RequestRow,
  outcome: Outcome,
  noticeFault: Fault | null,
): Promise<RequestRow> {
  const { rows } = await client.query<RequestRow>(
    `UPDATE sandbox_bank.requests
     SET status = $2, failure_reason = $3, completed_at = now(), process_at = NULL
     WHERE id = $1 RETURNING *`,
    [request.id, outcome.status, outcome.status === 'FAILED' ? outcome.failureReason : null],
  );
  const finished = rows[0]!;
  await queueNotice(client, finished, noticeFault);
  return finished;
}

/** A movement's result as the request's outcome. */
export function outcomeOfMove(
  result: { ok: true } | { ok: false; reason: 'INSUFFICIENT_FUNDS' | 'ACCOUNT_NOT_FOUND' },
): Outcome {
  return result.ok ? { status: 'SUCCEEDED' } : { status: 'FAILED', failureReason: result.reason };
}
