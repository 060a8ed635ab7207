// Applies ledger ops with ONE call of the SQL function ledger_apply (one round trip), in
// whatever transaction `db` is: the root client runs it as its own transaction, a
// transaction client makes it part of the caller's. Each op succeeds or fails on its own.
import 'server-only';
import { DomainError, buildJournalEntry, isBuiltJournalEntry, type JournalEntry, type LedgerError } from '@/ledger';
import { ledgerErrorFromSql, type SqlOpFailure } from './ledger-errors';
import type { DbClient } from '../db';
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
 * A checked op in the parts of ledger_apply's columnar batch (see the migration
 * ledger_apply_columnar): one element of each per-op array, and its postings.
 */
export class PreparedOp {
  constructor(
    readonly t: LedgerOp['type'],
    readonly kind: string | null,
    readonly scope: string | null,
    readonly key: string | null,
    readonly hash: string | null,
    readonly meta: Readonly<Record<string, string>> | null,
    readonly exp: number | null,
    readonly hold: string | null,
    /** Per posting: account code (or null), account id (or null), currency, amount as a decimal string. */
    readonly codes: readonly (string | null)[],
    readonly ids: readonly (string | null)[],
    readonly curs: readonly string[],
    readonly amounts: readonly string[],
  ) {}

  get keyed(): boolean {
    return this.key !== null;
  }

  /** The op in ledger_apply's array-of-ops form. */
  get json(): string {
    if (this.t === 'postHold' || this.t === 'voidHold') return JSON.stringify({ t: this.t, hold: this.hold });
    return JSON.stringify({
      t: this.t,
      kind: this.kind,
      scope: this.scope,
      key: this.key,
      hash: this.hash,
      meta: this.meta,
      exp: this.exp,
      p: this.amounts.map((a, i) => {
        const code = this.codes[i];
        return code != null ? { c: code, cur: this.curs[i], a } : { id: this.ids[i], cur: this.curs[i], a };
      }),
    });
  }
}

/**
 * Validates an op and turns it into the form ledger_apply reads. Domain problems (an entry
 * that does not balance, a bad account code) become an error result for this op only;
 * programming errors (a wrong type, an impossible expiry) throw.
 */
export function prepareLedgerOp(op: LedgerOp): PreparedLedgerOp {
  switch (op.type) {
    case 'transfer':
    case 'hold': {
      let entry: JournalEntry;
      try {
        // Checked (again, unless buildJournalEntry made it: frozen, so still as checked) so
        // that one malformed op can never fail the batch it rides in.
        entry = isBuiltJournalEntry(op.entry)
          ? op.entry
          : buildJournalEntry({
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
      const n = entry.postings.length;
      const codes = new Array<string | null>(n);
      const ids = new Array<string | null>(n);
      const curs = new Array<string>(n);
      const amounts = new Array<string>(n);
      entry.postings.forEach((p, i) => {
        codes[i] = p.accountCode ?? null;
        ids[i] = p.accountCode !== undefined ? null : p.accountId;
        curs[i] = p.currency;
        amounts[i] = p.amount.toString();
      });
      return new PreparedOp(
        op.type,
        entry.kind,
        scope,
        key,
        key === null ? null : requestHash(op.type, entry, expiresInSeconds),
        entry.metadata,
        expiresInSeconds ?? null,
        null,
        codes,
        ids,
        curs,
        amounts,
      );
    }
    case 'postHold':
    case 'voidHold':
      if (typeof op.holdId !== 'string') throw new TypeError('holdId must be a string');
      return new PreparedOp(op.type, null, null, null, null, null, null, op.holdId, [], [], [], []);
    default:
      throw new TypeError(`Unknown ledger op: ${String((op as { type?: unknown }).type)}`);
  }
}

/** A prepared op that goes to the database (not refused up front). */
export type SendableLedgerOp = Extract<PreparedLedgerOp, { error?: undefined }>;

/**
 * The batch as ledger_apply's columnar input: one JSON object of parallel arrays, which the
 * function reads with a single jsonb_to_record (no per-op SQL).
 */
export function encodeBatch(ops: readonly SendableLedgerOp[]): string {
  const n = ops.length;
  const t = new Array<string>(n);
  const kind = new Array<string | null>(n);
  const scope = new Array<string | null>(n);
  const key = new Array<string | null>(n);
  const hash = new Array<string | null>(n);
  const meta = new Array<Readonly<Record<string, string>> | null>(n);
  const exp = new Array<number | null>(n);
  const hold = new Array<string | null>(n);
  const pn = new Array<number>(n);
  const c: (string | null)[] = [];
  const id: (string | null)[] = [];
  const cur: string[] = [];
  const a: string[] = [];
  for (let i = 0; i < n; i++) {
    const op = asPrepared(ops[i]!);
    t[i] = op.t;
    kind[i] = op.kind;
    scope[i] = op.scope;
    key[i] = op.key;
    hash[i] = op.hash;
    meta[i] = op.meta;
    exp[i] = op.exp;
    hold[i] = op.hold;
    pn[i] = op.amounts.length;
    for (let j = 0; j < op.amounts.length; j++) {
      c.push(op.codes[j]!);
      id.push(op.ids[j]!);
      cur.push(op.curs[j]!);
      a.push(op.amounts[j]!);
    }
  }
  return JSON.stringify({ t, kind, scope, key, hash, meta, exp, hold, pn, c, id, cur, a });
}

/** The parts of a prepared op (for the batcher's optimistic path, which writes without ledger_apply). */
export function preparedParts(op: SendableLedgerOp): PreparedOp {
  return asPrepared(op);
}

function asPrepared(op: SendableLedgerOp): PreparedOp {
  if (op instanceof PreparedOp) return op;
  throw new TypeError('ledger ops must be prepared by prepareLedgerOp');
}

export type SqlOpResult = { ok: true; id: string; status: EntryStatus; replayed: boolean } | SqlOpFailure;

/** ledger_apply's columnar answer: one element per op in each array. */
type ColumnarResult = {
  id: (string | null)[];
  st: (EntryStatus | null)[];
  rp: boolean[];
  err: (SqlOpFailure | null)[];
};

const LEDGER_APPLY_SQL = 'SELECT ledger_apply($1::jsonb)::text AS r';

/** One ledger_apply call for prepared ops, through Prisma (any client); the raw per-op results. */
export async function callLedgerApply(db: DbClient, ops: readonly SendableLedgerOp[]): Promise<SqlOpResult[]> {
  if (ops.length === 0) return [];
  const payload = encodeBatch(ops);
  // ::text keeps the driver from decoding the jsonb; one JSON.parse here is cheaper.
  const rows = await db.$queryRaw<{ r: string }[]>`SELECT ledger_apply(${payload}::jsonb)::text AS r`;
  return decodeResults(rows[0]?.r, ops.length);
}

/** What the batcher needs of node-postgres: a Pool (or a Client) and its query method. */
export type PgQueryable = {
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
};

/**
 * callLedgerApply straight through node-postgres (the batcher's own connections): the same
 * SQL function, as a named prepared statement (parsed once per connection), without the
 * Prisma client's per-query work. Outside a transaction, so it is its own transaction.
 */
export async function callLedgerApplyPg(pg: PgQueryable, ops: readonly SendableLedgerOp[]): Promise<SqlOpResult[]> {
  if (ops.length === 0) return [];
  const { rows } = await pg.query({ name: 'wallet_ledger_apply', text: LEDGER_APPLY_SQL, values: [encodeBatch(ops)] });
  return decodeResults((rows[0] as { r?: string } | undefined)?.r, ops.length);
}

function decodeResults(text: string | undefined, expected: number): SqlOpResult[] {
  const parsed = JSON.parse(text ?? 'null') as Partial<ColumnarResult> | null;
  const { id, st, rp, err } = parsed ?? {};
  if (!Array.isArray(id) || !Array.isArray(st) || !Array.isArray(rp) || !Array.isArray(err) || id.length !== expected) {
    throw new Error(`ledger_apply returned ${Array.isArray(id) ? id.length : 'no'} results for ${expected} ops`);
  }
  const results = new Array<SqlOpResult>(expected);
  for (let i = 0; i < expected; i++) {
    const failure = err[i];
    const entryId = id[i];
    const status = st[i];
    if (failure) results[i] = failure;
    else if (typeof entryId === 'string' && typeof status === 'string')
      results[i] = { ok: true, id: entryId, status, replayed: rp[i] === true };
    else results[i] = { ok: false, code: 'INVALID_ENTRY', reason: 'UNKNOWN_OP' };
  }
  return results;
}

export function toLedgerOpResult(raw: SqlOpResult): LedgerOpResult {
  if (raw.ok) return { ok: true, entryId: raw.id, status: raw.status, replayed: raw.replayed };
  return { ok: false, error: ledgerErrorFromSql(raw) };
}

/** Applies `ops` in order in one round trip; one result per op. */
export async function applyLedgerOps(db: DbClient, ops: readonly LedgerOp[]): Promise<LedgerOpResult[]> {
  const prepared = ops.map(prepareLedgerOp);
  const sendable = prepared.filter((p): p is SendableLedgerOp => p.error === undefined);
  const raw = await callLedgerApply(db, sendable);
  let next = 0;
  return prepared.map((p) => (p.error !== undefined ? { ok: false, error: p.error } : toLedgerOpResult(raw[next++]!)));
}

/**
 * The ops in ledger_apply's input form, for a SQL function that calls ledger_apply itself (a
 * use case done in one round trip); an op refused before reaching the database throws its error.
 */
export function encodeLedgerOps(ops: readonly LedgerOp[]): string {
  const sendable = ops.map((op) => {
    const prepared = prepareLedgerOp(op);
    if (prepared.error !== undefined) throw prepared.error;
    return prepared;
  });
  return encodeBatch(sendable);
}

/** ledger_apply's answer for one op, as a SQL function passes it on. */
export function ledgerFailureOf(error: unknown): LedgerError {
  const failure = (typeof error === 'object' && error !== null ? error : { code: 'UNKNOWN' }) as SqlOpFailure;
  return ledgerErrorFromSql(failure);
}
