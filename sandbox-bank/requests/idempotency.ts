// Idempotency per wallet reference: the same reference with the same body answers what the
// first call answered; with another body it is refused (409). Concurrent first calls race on
// the UNIQUE(reference) constraint: one creates, the others replay its committed answer.
import 'server-only';
import { createHash } from 'node:crypto';
import type { BankClient, BankPool, Queryable } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { ReferenceConflictError, SandboxFaultError } from '../errors';
import type { RequestRow } from './request-row';

/** What the API answers, plus how long to wait first (the TIMEOUT fault). */
export type StoredAnswer = { httpStatus: number; body: Record<string, unknown>; waitMs: number };

/** Thrown inside the creating transaction when another call created the reference first. */
export class ReferenceTakenError extends Error {
  constructor() {
    super('reference created concurrently');
  }
}

/** A digest of the parsed request (keys sorted, bigints as strings): what "the same body" means. */
export function requestBodyHash(kind: string, fields: Record<string, string | bigint | null | undefined>): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] === undefined || fields[k] === null ? null : String(fields[k])]);
  return createHash('sha256')
    .update(JSON.stringify([kind, canonical]))
    .digest('hex');
}

export async function findRequestByReference(db: Queryable, reference: string): Promise<RequestRow | null> {
  const { rows } = await db.query<RequestRow>('SELECT * FROM sandbox_bank.requests WHERE reference = $1', [reference]);
  return rows[0] ?? null;
}

function replay(existing: RequestRow, bodyHash: string): StoredAnswer {
  if (existing.body_hash !== bodyHash) throw new ReferenceConflictError();
  // The first answer was 201 Created for a debit; a repeat creates nothing, hence 200.
  return { httpStatus: 200, body: existing.response as Record<string, unknown>, waitMs: 0 };
}

/**
 * Answers from the stored request when the reference is known; otherwise runs `create` in a
 * transaction. `create` returns 'ERROR_500' when the fault of that name applies (its fault
 * count is committed, nothing else is), and throws ReferenceTakenError when it lost the race.
 */
export async function answerIdempotently(
  pool: BankPool,
  reference: string,
  bodyHash: string,
  create: (client: BankClient) => Promise<StoredAnswer | 'ERROR_500'>,
): Promise<StoredAnswer> {
  const existing = await findRequestByReference(pool, reference);
  if (existing) return replay(existing, bodyHash);
  let created: StoredAnswer | 'ERROR_500';
  try {
    created = await inTransaction(pool, create);
  } catch (err) {
    if (!(err instanceof ReferenceTakenError)) throw err;
    const winner = await findRequestByReference(pool, reference);
    if (!winner) throw err;
    return replay(winner, bodyHash);
  }
  if (created === 'ERROR_500') throw new SandboxFaultError();
  return created;
}

/** Inserts the request row unless the reference exists (then ReferenceTakenError). */
export async function insertRequestOrThrow(client: BankClient, columns: Record<string, unknown>): Promise<RequestRow> {
  const names = Object.keys(columns);
  const { rows } = await client.query<RequestRow>(
    `INSERT INTO sandbox_bank.requests (${names.join(', ')})
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (reference) DO NOTHING RETURNING *`,
    names.map((n) => columns[n]),
  );
  if (!rows[0]) throw new ReferenceTakenError();
  return rows[0];
}

/** Stores the first answer on the request, in the transaction that created it. */
export async function storeAnswer(client: BankClient, requestId: string, answer: StoredAnswer): Promise<void> {
  await client.query('UPDATE sandbox_bank.requests SET response_status = $2, response = $3 WHERE id = $1', [
    requestId,
    answer.httpStatus,
    JSON.stringify(answer.body),
  ]);
}
