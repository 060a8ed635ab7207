// Idempotency of the merchant API's POSTs (per merchant and key). The key is claimed first
// with INSERT … ON CONFLICT DO NOTHING, so of two concurrent requests exactly one runs; the
// other sees the claim: 409 while it runs, then the stored first response. A 5xx (or a
// crash inside) releases the key so that a retry can run, and so does an answer that says
// the request was not run at all (403 MERCHANT_FROZEN: after the unfreeze, the retry runs).
// A claim left by a process that died more than STALE_CLAIM_SECONDS ago is taken over:
// running again is safe because every POST is idempotent in the domain too
// (merchant_order_no is unique, refunds carry the key, close and shipment are state checks).
import 'server-only';
import { createHash } from 'node:crypto';
import { IdempotencyInProgressError } from '@/ledger';
import type { Db } from '../db';
import { ApiIdempotencyKeyReusedError, IdempotencyKeyRequiredError } from './merchant-api-errors';

export const STALE_CLAIM_SECONDS = 60;
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

export type ApiAnswer = {
  status: number;
  body: string;
  contentType: string;
  filename?: string;
  /** Not stored for the key: the request did not run (a 5xx is never stored either). */
  releaseKey?: boolean;
};
export type IdempotentAnswer = ApiAnswer & { replayed: boolean };

export function idempotencyKeyOrThrow(header: string | null): string {
  if (header === null || header === '') throw new IdempotencyKeyRequiredError();
  if (!KEY_FORMAT.test(header))
    throw new IdempotencyKeyRequiredError('Idempotency-Key must be 1 to 255 printable ASCII characters');
  return header;
}

/** The hash a reused key is compared by: method, path and the canonical body. */
export function idempotencyRequestHash(method: string, path: string, canonicalBody: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${canonicalBody}`, 'utf8').digest('hex');
}

type Row = {
  request_hash: string;
  response_status: number | null;
  response_body: string | null;
  created_at: Date;
  stale: boolean;
};

export async function runIdempotent(
  db: Db,
  merchantId: string,
  key: string,
  requestHash: string,
  run: () => Promise<ApiAnswer>,
): Promise<IdempotentAnswer> {
  for (let attempt = 0; ; attempt += 1) {
    const claimed = await db.$queryRaw<unknown[]>`
      INSERT INTO api_idempotency_keys (merchant_id, key, request_hash) VALUES (${merchantId}::uuid, ${key}, ${requestHash})
      ON CONFLICT (merchant_id, key) DO NOTHING RETURNING 1 AS claimed`;
    if (claimed.length === 1) break;
    const [row] = await db.$queryRaw<Row[]>`
      SELECT request_hash, response_status, response_body, created_at,
             created_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS}) AS stale
      FROM api_idempotency_keys WHERE merchant_id = ${merchantId}::uuid AND key = ${key}`;
    if (!row) {
      if (attempt < 3) continue; // released by a failed first request just now: claim again
      throw new IdempotencyInProgressError();
    }
    if (row.request_hash !== requestHash) throw new ApiIdempotencyKeyReusedError();
    if (row.response_status !== null) {
      return {
        status: row.response_status,
        body: row.response_body ?? '',
        contentType: 'application/json; charset=utf-8',
        replayed: true,
      };
    }
    if (!row.stale) throw new IdempotencyInProgressError();
    const taken = await db.$queryRaw<unknown[]>`
      UPDATE api_idempotency_keys SET created_at = now()
      WHERE merchant_id = ${merchantId}::uuid AND key = ${key} AND response_status IS NULL AND created_at = ${row.created_at}
      RETURNING 1 AS taken`;
    if (taken.length === 1) break;
    if (attempt >= 3) throw new IdempotencyInProgressError();
  }

  let answer: ApiAnswer;
  try {
    answer = await run();
  } catch (error) {
    await release(db, merchantId, key);
    throw error;
  }
  if (answer.status >= 500 || answer.releaseKey) {
    await release(db, merchantId, key);
  } else {
    await db.$executeRaw`
      UPDATE api_idempotency_keys SET response_status = ${answer.status}, response_body = ${answer.body}
      WHERE merchant_id = ${merchantId}::uuid AND key = ${key}`;
  }
  const { releaseKey: _released, ...sent } = answer;
  return { ...sent, replayed: false };
}

async function release(db: Db, merchantId: string, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM api_idempotency_keys WHERE merchant_id = ${merchantId}::uuid AND key = ${key} AND response_status IS NULL`;
}
