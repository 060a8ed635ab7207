// Group commit for the ledger (TigerBeetle-style): callers submit ops one by one; the batcher
// sends whatever has queued up, shared between the free slots, as ledger_apply calls (each
// its own transaction, one round trip) whenever fewer than `maxInFlight` calls are running.
// Inside a call every account is locked once and updated once, so a hot account (a merchant
// receiving thousands of payments a second) costs one row update per batch instead of one
// lock hand-off per payment, and is locked only for the call's last statements.
// Under light load a batch is a single op and nothing waits; under heavy load batches grow.
// With a connection string (or a pool) of its own, calls skip the Prisma client: the same
// SQL function, sent by node-postgres as a prepared statement; and a call made only of plain
// transfers (no idempotency key, accounts by code) is decided here and written by
// ledger_write_transfers, the database checking the funds on the locked rows
// (optimistic-transfers.ts): the same outcomes for ~0.75× ledger_apply's database CPU per call.
//
// Not on the product's path: use cases commit their ledger entry with their own rows, through
// applyLedgerOps on their transaction, so nothing in the app submits to a batcher today. It is
// kept, tested and benchmarked (npm run bench:ledger) for the hot-merchant case, where the
// payments-performance work may put it back on the path; the stored ledger's index does not
// export it.
import 'server-only';
import pg from 'pg';
import {
  callLedgerApply,
  callLedgerApplyPg,
  prepareLedgerOp,
  toLedgerOpResult,
  type PgQueryable,
  type SendableLedgerOp,
  type SqlOpResult,
} from '../apply-ledger-ops';
import { LedgerOutcomeUnknownError } from '../ledger-errors';
import { KnownAccounts } from '../known-accounts';
import { opAccountKeys, optimisticAmounts, runOptimisticCall } from './optimistic-transfers';
import type { Db } from '../../db';
import { backoffMs, classifyFailure, sqlStateOf } from '../retry';
import type { LedgerOp, LedgerOpResult } from '../types';

export type LedgerBatcherOptions = {
  /** Most ops in one call (default 512). */
  maxBatch?: number;
  /** Calls running at once (default 2): one commits while the next one fills. */
  maxInFlight?: number;
  /** Attempts per batch for conflicts and connection failures, the first included (default 5). */
  attempts?: number;
  /**
   * When several slots are free, share the queue between them instead of sending it all as
   * one call (default true). Since ledger_apply locks the hot accounts (merchant balances,
   * platform accounts) only for its last statements, two calls that credit the same merchant
   * run side by side and queue only for each other's tail; with 16 closed-loop clients on
   * the 2-core machine, 2 × 8 ops in flight beat 1 × 16 in every workload (same runs,
   * 2026-11-26: W1 2,487 vs 2,029 ops/s, W2 2,659 vs 2,488, W3 2,009 vs 1,692), though each
   * call still costs ~1.5–2 ms of database CPU whatever its size. Before the late locks, calls
   * crediting one merchant queued for each other's whole run and sharing lost a third.
   */
  spreadOverSlots?: boolean;
  /**
   * The batcher's own connections: each call goes straight through node-postgres (a named
   * prepared statement on a connection of its own) instead of through the Prisma client `db`,
   * which saves the Prisma client's per-query work on the hot path. `connectionString`: the
   * batcher opens a pool of `maxInFlight` connections and closes it in close(). `pool`: one
   * you own (a pg.Pool with at least `maxInFlight` connections). Neither: calls go through
   * `db`. Same function, same transaction per call, same results either way.
   */
  connectionString?: string;
  pool?: PgQueryable;
  /**
   * With connections of its own: decide calls made only of plain transfers here and write them
   * with ledger_write_transfers instead of ledger_apply (default true). Ops it expects refused,
   * and a call the database refuses (an op must be refused after all), go to ledger_apply.
   */
  optimistic?: boolean;
  /** Observes each finished call (for metrics and benchmarks). */
  onBatch?: (info: { size: number; ms: number; attempt: number; optimistic: boolean; error?: unknown }) => void;
};

type Item = {
  op: SendableLedgerOp;
  keyed: boolean;
  /** The op's amounts when it may take the optimistic path. */
  amounts: bigint[] | null;
  resolve: (result: LedgerOpResult) => void;
  reject: (error: unknown) => void;
};

export type LedgerBatcherStats = {
  batches: number;
  ops: number;
  retries: number;
  largestBatch: number;
  /** Calls written by the optimistic statement, and calls it sent to ledger_apply after all. */
  optimisticBatches: number;
  optimisticFallbacks: number;
};

/** Most calls in a row that skip the optimistic path after fallbacks. */
const MAX_OPTIMISTIC_PAUSE = 32;

export class LedgerBatcher {
  readonly maxBatch: number;
  readonly maxInFlight: number;
  readonly attempts: number;
  readonly spread: boolean;
  readonly stats: LedgerBatcherStats = {
    batches: 0,
    ops: 0,
    retries: 0,
    largestBatch: 0,
    optimisticBatches: 0,
    optimisticFallbacks: 0,
  };

  private readonly queue: Item[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly pool: PgQueryable | undefined;
  private readonly ownPool: pg.Pool | undefined;
  /** The optimistic path's accounts (ids, estimates); undefined when it is off. */
  private readonly known: KnownAccounts | undefined;
  /**
   * After a call that fell back to ledger_apply, the next calls skip the optimistic path
   * (1, 2, 4, … up to 32 calls while they keep falling back): when another writer keeps
   * moving the accounts or refusals are common, trying first costs a second call each time.
   */
  private optimisticPause = 0;
  private optimisticBackoff = 0;

  constructor(
    private readonly db: Db,
    private readonly options: LedgerBatcherOptions = {},
  ) {
    this.maxBatch = positiveInt(options.maxBatch ?? 512, 'maxBatch');
    this.maxInFlight = positiveInt(options.maxInFlight ?? 2, 'maxInFlight');
    this.attempts = positiveInt(options.attempts ?? 5, 'attempts');
    this.spread = options.spreadOverSlots ?? true;
    if (options.pool && options.connectionString)
      throw new TypeError('LedgerBatcher: give a pool or a connectionString, not both');
    if (options.connectionString) {
      this.ownPool = new pg.Pool({
        connectionString: options.connectionString,
        max: this.maxInFlight,
        application_name: 'wallet-ledger-batcher',
      });
      // A connection that breaks while idle is dropped by the pool; a call on it fails and
      // is classified (retried or reported) like any other.
      this.ownPool.on('error', () => {});
    }
    this.pool = options.pool ?? this.ownPool;
    this.known = this.pool && (options.optimistic ?? true) ? new KnownAccounts() : undefined;
  }

  /**
   * Queues one op; resolves with its result (a refused op resolves with `ok: false`).
   * Rejects only when the whole call failed past its retries, or on a programming error.
   */
  submit(op: LedgerOp): Promise<LedgerOpResult> {
    if (this.closed) return Promise.reject(new Error('LedgerBatcher is closed'));
    let prepared;
    try {
      prepared = prepareLedgerOp(op);
    } catch (error) {
      return Promise.reject(error);
    }
    if (prepared.error !== undefined) return Promise.resolve({ ok: false, error: prepared.error });
    const keyed = prepared.keyed;
    const amounts = this.known ? optimisticAmounts(prepared) : null;
    return new Promise<LedgerOpResult>((resolve, reject) => {
      this.queue.push({ op: prepared, keyed, amounts, resolve, reject });
      this.schedule();
    });
  }

  /** Ops waiting for a call. */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops accepting ops, waits for the queued ones to finish, closes its own connections. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    if (this.ownPool && !this.ownPool.ended) await this.ownPool.end();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate, not a microtask: callers woken by the previous batch get to submit first.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const size = this.spread ? Math.ceil(this.queue.length / (this.maxInFlight - this.inFlight)) : this.queue.length;
      const batch = this.queue.splice(0, Math.min(this.maxBatch, size));
      this.inFlight += 1;
      void this.run(batch, 1).finally(() => {
        this.inFlight -= 1;
        this.schedule();
        if (this.queue.length === 0 && this.inFlight === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    }
  }

  private async run(items: Item[], attempt: number): Promise<void> {
    let rest = items;
    // 1. The optimistic path, when every op may take it (plain transfers; a call with a hold or
    //    a keyed op goes to ledger_apply whole: splitting it in two calls measured slower in
    //    W3) and it is not paused. It writes what it can and leaves to ledger_apply the ops
    //    naming an account that does not exist or that it expects refused.
    const eligible = this.known !== undefined && items.every((item) => item.amounts !== null);
    if (eligible && this.optimisticPause > 0) this.optimisticPause -= 1;
    else if (eligible) {
      const started = performance.now();
      let raw: (SqlOpResult | null)[];
      try {
        raw = await runOptimisticCall(
          this.pool!,
          this.known,
          items.map((item) => ({ op: item.op, amounts: item.amounts! })),
        );
      } catch (error) {
        this.observe({ size: items.length, ms: performance.now() - started, attempt, optimistic: true, error });
        const kind = classifyFailure(error);
        if (kind === 'not-sent' || kind === 'unknown-outcome') return this.recover(items, attempt, error);
        // Refused by the database (an op must be refused after all: LB004) or failed on it:
        // rolled back, so ledger_apply decides these ops now.
        raw = items.map(() => null);
      }
      const written = items.filter((_, index) => raw[index] !== null);
      if (written.length > 0) {
        // committed: settled now, whatever happens to the rest
        this.committed(written.length, performance.now() - started, attempt, true);
        this.settle(
          written,
          raw.filter((result) => result !== null),
        );
      }
      rest = items.filter((_, index) => raw[index] === null);
      if (rest.length === 0) {
        this.optimisticBackoff = 0;
        return;
      }
      this.stats.optimisticFallbacks += 1;
      this.optimisticBackoff = Math.min(MAX_OPTIMISTIC_PAUSE, Math.max(1, this.optimisticBackoff * 2));
      this.optimisticPause = this.optimisticBackoff;
    }
    // 2. ledger_apply.
    const started = performance.now();
    let applied: SqlOpResult[];
    try {
      const ops = rest.map((item) => item.op);
      applied = this.pool ? await this.callLedgerApplyPg(this.pool, ops) : await callLedgerApply(this.db, ops);
    } catch (error) {
      this.observe({ size: rest.length, ms: performance.now() - started, attempt, optimistic: false, error });
      return this.recover(rest, attempt, error);
    }
    // Committed: from here on nothing may send these ops again.
    this.committed(rest.length, performance.now() - started, attempt, false);
    this.settle(rest, applied);
  }

  private committed(size: number, ms: number, attempt: number, optimistic: boolean): void {
    this.stats.batches += 1;
    if (optimistic) this.stats.optimisticBatches += 1;
    this.stats.ops += size;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, size);
    this.observe({ size, ms, attempt, optimistic });
  }

  /** Resolves each item with its result (committed). */
  private settle(items: Item[], results: (SqlOpResult | null)[]): void {
    items.forEach((item, index) => {
      try {
        const result = results[index];
        if (result == null) item.reject(new Error('ledger_apply returned too few results'));
        else item.resolve(toLedgerOpResult(result));
      } catch (error) {
        item.reject(error);
      }
    });
  }

  /**
   * ledger_apply on the batcher's connections. The optimistic path's estimates of the accounts
   * these ops name are forgotten (they are about to change); those of accounts named by id, or
   * of holds being posted or voided, may go stale, which costs that path a fallback, never a
   * wrong write (it writes no estimate).
   */
  private async callLedgerApplyPg(pool: PgQueryable, ops: SendableLedgerOp[]): Promise<SqlOpResult[]> {
    this.known?.forget(ops.flatMap(opAccountKeys));
    return callLedgerApplyPg(pool, ops);
  }

  private observe(info: { size: number; ms: number; attempt: number; optimistic: boolean; error?: unknown }): void {
    try {
      this.options.onBatch?.(info);
    } catch {
      // an observer must not change the outcome of a batch
    }
  }

  private async recover(items: Item[], attempt: number, error: unknown): Promise<void> {
    const kind = classifyFailure(error);
    const canRetry = attempt < this.attempts;
    if ((kind === 'conflict' || kind === 'not-sent') && canRetry) {
      this.stats.retries += 1;
      await sleep(backoffMs(attempt));
      return this.run(items, attempt + 1);
    }
    if (kind === 'unknown-outcome') {
      // Keyed ops replay safely (same key, same request: the stored result); the others may
      // have been applied already, so they are not sent again.
      const keyed = items.filter((item) => item.keyed);
      for (const item of items) if (!item.keyed) item.reject(new LedgerOutcomeUnknownError(error));
      if (keyed.length === 0) return;
      if (canRetry) {
        this.stats.retries += 1;
        await sleep(backoffMs(attempt));
        return this.run(keyed, attempt + 1);
      }
      for (const item of keyed) item.reject(error);
      return;
    }
    if (kind === 'fatal' && items.length > 1 && isStatementError(sqlStateOf(error))) {
      // The server refused the whole call (so it rolled back): split it to confine the
      // failure to the op that caused it; the others still apply.
      const middle = items.length >> 1;
      await this.run(items.slice(0, middle), attempt);
      await this.run(items.slice(middle), attempt);
      return;
    }
    for (const item of items) item.reject(error);
  }
}

const batchers =
  (globalThis as unknown as { walletLedgerBatchers?: WeakMap<object, LedgerBatcher> }).walletLedgerBatchers ??
  new WeakMap<object, LedgerBatcher>();
(globalThis as unknown as { walletLedgerBatchers?: WeakMap<object, LedgerBatcher> }).walletLedgerBatchers = batchers;

/**
 * The process-wide batcher of a client (one per root client; kept across Next dev reloads).
 * Pass the root client, not a transaction client: each batch is its own transaction.
 */
export function ledgerBatcher(db: Db, options?: LedgerBatcherOptions): LedgerBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new LedgerBatcher(db, options);
    batchers.set(db, batcher);
  }
  return batcher;
}

/** Errors that one op's data can cause (bad value, constraint, a guard): worth isolating. */
function isStatementError(state: string | undefined): boolean {
  return state !== undefined && ['22', '23', 'LB', 'P0'].includes(state.slice(0, 2));
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
