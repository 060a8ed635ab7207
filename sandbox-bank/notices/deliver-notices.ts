// Delivers queued notices: POST the stored body to notify_url with a fresh Bank-Signature,
// every attempt logged with its HTTP status; 2xx counts as delivered (twice for
// DUPLICATE_NOTICE), anything else is retried on the schedule of retry-schedule.ts.
// A notice is claimed by pushing its due time out by a lease (FOR UPDATE SKIP LOCKED in the
// claim), so the worker loop and an immediate delivery never send the same attempt twice,
// and a crash mid-send only delays the next attempt until the lease runs out.
import 'server-only';
import { signPayload } from '../../lib/signing/hmac-signature';
import type { BankPool } from '../db/pool';
import { sandboxBankEnv } from '../env';
import { nextNoticeAttemptAt } from './retry-schedule';

export const NOTICE_SIGNATURE_HEADER = 'Bank-Signature';
const LEASE_SECONDS = 120;

export type DeliverOptions = {
  /** Per HTTP attempt; default 10 s. */
  timeoutMs?: number;
  limit?: number;
  /** Default: SANDBOX_BANK_NOTICE_SECRET. */
  noticeSecret?: string;
};

type ClaimedNotice = {
  id: string;
  notify_url: string;
  body: string;
  copies: number;
  delivered_copies: number;
  attempts: number;
  created_at: Date;
};

async function claim(pool: BankPool, limit: number, requestId: string | null): Promise<ClaimedNotice[]> {
  const { rows } = await pool.query<ClaimedNotice>(
    `UPDATE sandbox_bank.notices n SET next_attempt_at = now() + make_interval(secs => $3)
     WHERE n.id IN (
       SELECT id FROM sandbox_bank.notices
       WHERE state = 'PENDING' AND next_attempt_at <= now() AND ($2::uuid IS NULL OR request_id = $2)
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING n.id, n.notify_url, n.body, n.copies, n.delivered_copies, n.attempts, n.created_at`,
    [limit, requestId, LEASE_SECONDS],
  );
  return rows;
}

type AttemptResult = { httpStatus: number | null; error: string | null; durationMs: number };

async function post(notice: ClaimedNotice, secret: string, timeoutMs: number): Promise<AttemptResult> {
  const started = Date.now();
  try {
    const response = await fetch(notice.notify_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [NOTICE_SIGNATURE_HEADER]: signPayload(notice.body, secret) },
      body: notice.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return { httpStatus: response.status, error: null, durationMs: Date.now() - started };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return {
      httpStatus: null,
      error: (e.cause?.code ?? e.name ?? 'Error').slice(0, 200),
      durationMs: Date.now() - started,
    };
  }
}

async function deliverOne(pool: BankPool, notice: ClaimedNotice, secret: string, timeoutMs: number): Promise<number> {
  let { attempts, delivered_copies: delivered } = notice;
  for (;;) {
    const result = await post(notice, secret, timeoutMs);
    attempts++;
    await pool.query(
      'INSERT INTO sandbox_bank.notice_attempts (notice_id, http_status, error, duration_ms) VALUES ($1, $2, $3, $4)',
      [notice.id, result.httpStatus, result.error, result.durationMs],
    );
    const ok = result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300;
    if (ok) delivered++;
    if (ok && delivered >= notice.copies) {
      await pool.query(
        `UPDATE sandbox_bank.notices SET state = 'DELIVERED', delivered_copies = $2, attempts = $3,
           next_attempt_at = NULL, last_attempt_at = now(), delivered_at = now() WHERE id = $1`,
        [notice.id, delivered, attempts],
      );
      return attempts - notice.attempts;
    }
    if (ok) continue; // DUPLICATE_NOTICE: the same notice again, right away
    const next = nextNoticeAttemptAt(notice.created_at, attempts - delivered, new Date());
    await pool.query(
      `UPDATE sandbox_bank.notices SET state = $2, delivered_copies = $3, attempts = $4,
         next_attempt_at = $5, last_attempt_at = now() WHERE id = $1`,
      [notice.id, next ? 'PENDING' : 'GAVE_UP', delivered, attempts, next],
    );
    return attempts - notice.attempts;
  }
}

async function deliver(pool: BankPool, requestId: string | null, options: DeliverOptions): Promise<number> {
  const secret = options.noticeSecret ?? sandboxBankEnv().noticeSecret;
  const notices = await claim(pool, options.limit ?? 20, requestId);
  const counts = await Promise.all(notices.map((n) => deliverOne(pool, n, secret, options.timeoutMs ?? 10_000)));
  return counts.reduce((a, b) => a + b, 0);
}

/** One pass over the notices that are due; returns the number of HTTP attempts made. */
export function deliverDueNotices(pool: BankPool, options: DeliverOptions = {}): Promise<number> {
  return deliver(pool, null, options);
}

/** Delivers one request's due notice now (after authorising, before the redirect). */
export function deliverNoticeOfRequest(
  pool: BankPool,
  requestId: string,
  options: DeliverOptions = {},
): Promise<number> {
  return deliver(pool, requestId, options);
}
