// Applies ledger ops with ONE call of the SQL function ledger_apply (one round trip), in
// whatever transaction `db` is: the root client runs it as its own transaction, a
// transaction client makes it part of the caller's. Each op succeeds or fails on its own.
import { DomainError, buildJournalEntry, type JournalEntry, type LedgerError } from '@/ledger';
import { ledgerErrorFromSql, type SqlOpFailure } from './ledger-errors';
import type { LedgerDb } from './ledger-db';
import { requestHash } from './request-hash';
import type { EntryStatus, LedgerOp, LedgerOpResult } from './types';

export type LedgerOpSuccess = Extract<LedgerOpResult, { ok: true }>;

/** An op checked and serialised for ledger_apply, or refused before reaching the database. */
export type PreparedLedgerOp =
  | { readonly json: string; readonly keyed: boolean; readonly error?: undefined }
  | { readonly json?: undefined; readonly keyed: false; readonly error: LedgerError };

/** Longest hold the ledger accepts (ten years): a larger value is a bug, not a request. */
const MAX_HOLD_SECONDS = 10 * 365 * 24 * 3600;
const MAX_SCOPE_LENGTH = 255;

/**
 * Validates an op and turns it into the JSON ledger_apply reads. Domain problems (an entry
 * that does not balance, a bad account code) become an error result for this op only;
 * programming errors (a wrong type, an impossible expiry) throw.
 */
export function prepareLedgerOp(op: LedgerOp): PreparedLedgerOp {
  switch (op.type) {
    case 'transfer':
    case 'hold': {
      let entry: JournalEntry;
      try {
        // Re-checked here so that one malformed op can never fail the batch it rides in.
        entry = buildJournalEntry({
          kind: op.entry.kind,
          postings: op.entry.postings,
          idempotencyKey: op.entry.idempotencyKey ?? undefined,
          metadata: op.entry.metadata,
        });
      } catch (error) {
        if (error instanceof DomainError) return { keyed: false, error: error as LedgerError };
        throw error;
      }
      const scope = op.idempotencyScope ?? '';
      if (typeof scope !== 'string' || scope.length > MAX_SCOPE_LENGTH) {
        throw new TypeError(`idempotencyScope must be a string of at most ${MAX_SCOPE_LENGTH} characters`);
      }
      let expiresInSeconds: number | undefined;
      if (op.type === 'hold' && op.expiresInSeconds !== undefined) {
        expiresInSeconds = op.expiresInSeconds;
        if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0 || expiresInSeconds > MAX_HOLD_SECONDS) {
          throw new RangeError(`expiresInSeconds must be a positive number of seconds up to ${MAX_HOLD_SECONDS}`);
        }
      }
      const key = entry.idempotencyKey;
      const json = JSON.stringify({
        t: op.type,
        kind: entry.kind,
        scope,
        key,
        hash: key === null ? null : requestHash(op.type, entry, expiresInSeconds),
        meta: entry.metadata,
        exp: expiresInSeconds ?? null,
        p: entry.postings.map((p) =>
          p.accountCode !== undefined
            ? { c: p.accountCode, cur: p.currency, a: p.amount.toString() }
            : { id: p.accountId, cur: p.currency, a: p.amount.toString() },
        ),
      });
      return { json, keyed: key !== null };
    }
    case 'postHold':
    case 'voidHold':
      if (typeof op.holdId !== 'string') throw new TypeError('holdId must be a string');
      return { json: JSON.stringify({ t: op.type, hold: op.holdId }), keyed: false };
    default:
      throw new TypeError(`Unknown ledger op: ${String((op as { type?: unknown }).type)}`);
  }
}

type SqlOpResult = { ok: true; id: string; status: EntryStatus; replayed: boolean } | SqlOpFailure;

/** One ledger_apply call for already prepared JSON ops; returns the raw per-op results. */
export async function callLedgerApply(db: LedgerDb, jsonOps: readonly string[]): Promise<SqlOpResult[]> {
  if (jsonOps.length === 0) return [];
  const payload = `[${jsonOps.join(',')}]`;
  // ::text keeps the driver from decoding the jsonb; one JSON.parse here is cheaper.
  const rows = await db.$queryRaw<{ r: string }[]>`SELECT ledger_apply(${payload}::jsonb)::text AS r`;
  const parsed: unknown = JSON.parse(rows[0]?.r ?? 'null');
  if (!Array.isArray(parsed) || parsed.length !== jsonOps.length) {
    throw new Error(`ledger_apply returned ${Array.isArray(parsed) ? parsed.length : 'no'} results for ${jsonOps.length} ops`);
  }
  return parsed as SqlOpResult[];
}

export function toLedgerOpResult(raw: SqlOpResult): LedgerOpResult {
  if (raw.ok) return { ok: true, entryId: raw.id, status: raw.status, replayed: raw.replayed };
  return { ok: false, error: ledgerErrorFromSql(raw) };
}

/** Applies `ops` in order in one round trip; one result per op. */
export async function applyLedgerOps(db: LedgerDb, ops: readonly LedgerOp[]): Promise<LedgerOpResult[]> {
  const prepared = ops.map(prepareLedgerOp);
  const sendable = prepared.flatMap((p) => (p.json === undefined ? [] : [p.json]));
  const raw = await callLedgerApply(db, sendable);
  let next = 0;
  return prepared.map((p) => (p.error !== undefined ? { ok: false, error: p.error } : toLedgerOpResult(raw[next++]!)));
}
