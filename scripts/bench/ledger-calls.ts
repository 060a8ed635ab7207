// `npm run bench:ledger-calls`: what one ledger_apply call costs the database, by its size
// (issue 3). bench:ledger measures throughput under 16 clients, where the machine's noise
// and the clients' own work blur the picture; this one sends calls one at a time on one
// connection and reads that backend's CPU time from /proc/<pid>/schedstat (nanoseconds), so
// a call's cost splits into a part paid whatever its size and a part per op.
//
// On a fresh, migrated database (the embedded PostgreSQL unless DATABASE_URL is set; dropped
// at the end) it seeds 2,000 funded wallets and a merchant, then for W1-shaped calls
// (transfers between wallets) and W2-shaped ones (payments to the merchant) of 1, 8, 16 and
// 32 ops sends `--calls` calls each (default 300, after 20 unmeasured), one of each kind in
// turn. The baseline, in the same run on the same connection and in the same turns: an
// empty statement (`SELECT 1`), the floor of a round trip. Needs the server on this
// machine (for /proc); the last line is `RESULT {json}`.
//
// The batcher's optimistic path (optimistic-transfers.ts) in the same turns: the same shapes
// of 8 ops planned in this process and written by ledger_write_transfers, so each shape also
// prints that write's database CPU per call as a ratio of ledger_apply's.
//
// --variant=FILE: an A/B of a change to ledger_apply before it is kept. FILE (SQL, run on the
// fresh database) creates `ledger_apply_variant(p_ops jsonb) RETURNS jsonb`, typically the
// function's text with the change; calls of 8 ops then go to both functions in turn, and
// each shape prints the variant's database CPU per call as a ratio of ledger_apply's.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  buildJournalEntry,
  merchantBalanceCode,
  payFromBalancePostings,
  topUpPostings,
  transferPostings,
  userWalletCode,
  type Currency,
} from '../../ledger/index';
import { createDb } from '../../server/db';
import { encodeBatch, type SendableLedgerOp } from '../../server/stored-ledger/apply-ledger-ops';
import { KnownAccounts, type KnownAccount } from '../../server/stored-ledger/known-accounts';
import {
  WRITE_TRANSFERS_SQL,
  optimisticAmounts,
  opAccountKeys,
  planOptimisticCall,
} from '../../server/stored-ledger/batching/optimistic-transfers';
import { checkLedgerInvariants } from '../../server/stored-ledger/check-invariants';
import {
  applyLedgerOps,
  ensureAccounts,
  ensurePlatformAccounts,
  prepareLedgerOp,
  type LedgerOp,
} from '../../server/stored-ledger/index';
import { createFreshDatabase } from '../db/test-database';

const args = process.argv.slice(2);
const callsArg = args.find((a) => a.startsWith('--calls='))?.split('=')[1];
const CALLS = callsArg === undefined ? 300 : Number(callsArg);
if (!Number.isInteger(CALLS) || CALLS <= 0)
  throw new Error(`--calls needs a positive integer, got ${String(callsArg)}`);
const VARIANT_FILE = args.find((a) => a.startsWith('--variant='))?.slice('--variant='.length);
const SIZES = [1, 8, 16, 32];
const WALLETS = 2_000;
const WARMUP = 20;
const CNY: Currency = 'CNY';
const MERCHANT = 'callsbenchmerchant';
const userId = (i: number) => `callsbench${String(i).padStart(6, '0')}`;

/** Distinct random wallets, so that no call waits on itself. */
function randomWallets(count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(Math.random() * WALLETS));
  return [...picked];
}

function callOps(shape: 'W1' | 'W2', size: number): SendableLedgerOp[] {
  const wallets = randomWallets(shape === 'W1' ? 2 * size : size);
  const ops: SendableLedgerOp[] = [];
  for (let i = 0; i < size; i++) {
    const postings =
      shape === 'W1'
        ? transferPostings({
            fromUserId: userId(wallets[2 * i]!),
            toUserId: userId(wallets[2 * i + 1]!),
            amount: 1n,
            currency: CNY,
          })
        : payFromBalancePostings({
            userId: userId(wallets[i]!),
            merchantId: MERCHANT,
            amount: 1n,
            merchantFee: 0n,
            currency: CNY,
          });
    const op = prepareLedgerOp({
      type: 'transfer',
      entry: buildJournalEntry({ kind: shape === 'W1' ? 'TRANSFER' : 'PAYMENT', postings }),
    });
    if (op.error !== undefined) throw op.error;
    ops.push(op);
  }
  return ops;
}

const callText = (shape: 'W1' | 'W2', size: number): string => encodeBatch(callOps(shape, size));

/** ledger_write_transfers' parameters for a fresh call of this shape (new entry ids each time). */
function optimisticParams(known: Map<string, KnownAccount>, shape: 'W1' | 'W2', size: number): unknown[] {
  const ops = callOps(shape, size).map((op) => ({ op, amounts: optimisticAmounts(op)! }));
  const plan = planOptimisticCall(ops, known);
  if (plan.params === null || plan.results.some((r) => r === null))
    throw new Error('the optimistic plan left ops to ledger_apply');
  return plan.params;
}

/** CPU time the backend has used, in ms (schedstat's first field is nanoseconds on CPU). */
function backendCpuMs(pid: number): number {
  return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

type Config = {
  name: string;
  fn?: string;
  shape?: 'W1' | 'W2';
  size: number;
  texts?: string[];
  /** Parameters of the optimistic write, made fresh for each call. */
  params?: () => unknown[];
  wallMs: number;
  cpuMs: number;
};

/**
 * Sends one call of each config in turn, CALLS rounds (after WARMUP unmeasured ones), so that
 * the machine's noise, which drifts over seconds, hits every config alike.
 */
async function measureInTurn(client: pg.Client, pid: number, configs: Config[]): Promise<void> {
  const send = (c: Config, i: number, params: unknown[] | undefined) =>
    params
      ? client.query({ name: 'write_transfers', text: WRITE_TRANSFERS_SQL, values: params })
      : c.texts && c.fn
        ? client.query({
            name: c.fn,
            text: `SELECT ${c.fn}($1::jsonb)::text AS r`,
            values: [c.texts[i % c.texts.length]],
          })
        : client.query({ name: 'empty', text: 'SELECT 1' });
  for (let i = -WARMUP; i < CALLS; i++) {
    for (const c of configs) {
      const params = c.params?.(); // planned before the clock starts: only the database is measured
      const cpu0 = backendCpuMs(pid);
      const t0 = performance.now();
      await send(c, i + WARMUP, params);
      if (i < 0) continue;
      c.wallMs += (performance.now() - t0) / CALLS;
      c.cpuMs += (backendCpuMs(pid) - cpu0) / CALLS;
    }
  }
}

/** Least squares: cost = fixed + perOp × size. */
function fit(points: { size: number; cpuMs: number }[]): { fixedMs: number; perOpMs: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.size, 0) / n;
  const my = points.reduce((s, p) => s + p.cpuMs, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.size - mx) * (p.cpuMs - my), 0);
  const sxx = points.reduce((s, p) => s + (p.size - mx) ** 2, 0);
  const perOpMs = sxy / sxx;
  return { fixedMs: my - perOpMs * mx, perOpMs };
}

async function main(): Promise<void> {
  const database = await createFreshDatabase('wallet_bench');
  const db = createDb(database.url, 2);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await ensurePlatformAccounts(db, CNY);
    const codes = Array.from({ length: WALLETS }, (_, i) => ({ code: userWalletCode(userId(i)), currency: CNY }));
    await ensureAccounts(db, [...codes, { code: merchantBalanceCode(MERCHANT), currency: CNY }]);
    const topUps: LedgerOp[] = Array.from({ length: WALLETS }, (_, i) => ({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TOP_UP',
        postings: topUpPostings({ userId: userId(i), amount: 1_000_000_000n, currency: CNY }),
      }),
    }));
    if ((await applyLedgerOps(db, topUps)).some((r) => !r.ok)) throw new Error('seeding: a top-up was refused');
    await db.$executeRawUnsafe('VACUUM ANALYZE ledger_accounts, journal_entries, ledger_postings');

    await client.connect();
    // every account the calls name, read once (on another connection: not measured)
    const reader = new pg.Client({ connectionString: database.url });
    await reader.connect();
    const known = await new KnownAccounts()
      .load(reader, [...callOps('W1', WALLETS / 2), ...callOps('W2', 1)].flatMap(opAccountKeys))
      .finally(() => reader.end());
    const variant = VARIANT_FILE !== undefined;
    if (VARIANT_FILE !== undefined) await client.query(fs.readFileSync(VARIANT_FILE, 'utf8')); // simple protocol: any number of statements
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    try {
      backendCpuMs(pid);
    } catch {
      throw new Error(
        'bench:ledger-calls reads the backend from /proc: run it with the database server on this machine',
      );
    }
    console.log(
      `ledger_apply calls, one at a time on one connection, every kind in turn: ${CALLS} each; CPU of that backend`,
    );
    const empty: Config = { name: 'baseline SELECT 1', size: 0, wallMs: 0, cpuMs: 0 };
    const configs: Config[] = [empty];
    for (const shape of ['W1', 'W2'] as const) {
      for (const size of SIZES) {
        const texts = Array.from({ length: 20 }, () => callText(shape, size));
        configs.push({
          name: `${shape} ${String(size).padStart(2)} ops`,
          fn: 'ledger_apply',
          shape,
          size,
          texts,
          wallMs: 0,
          cpuMs: 0,
        });
        if (variant && size === 8)
          configs.push({
            name: `${shape}  8 ops, variant`,
            fn: 'ledger_apply_variant',
            size,
            texts,
            wallMs: 0,
            cpuMs: 0,
          });
        if (size === 8)
          configs.push({
            name: `${shape}  8 ops, optimistic`,
            size,
            params: () => optimisticParams(known, shape, size),
            wallMs: 0,
            cpuMs: 0,
          });
      }
    }
    await measureInTurn(client, pid, configs);
    console.log(`  ${empty.name}: wall ${empty.wallMs.toFixed(3)} ms, DB CPU ${empty.cpuMs.toFixed(3)} ms per call`);
    const result: Record<string, number | boolean> = { calls: CALLS, empty_db_cpu_ms: round(empty.cpuMs) };
    for (const shape of ['W1', 'W2'] as const) {
      const mine = configs.filter((c) => c.shape === shape);
      for (const c of mine) {
        result[`${shape.toLowerCase()}_${c.size}_db_cpu_ms`] = round(c.cpuMs);
        console.log(
          `  ${c.name}: wall ${c.wallMs.toFixed(3)} ms, DB CPU ${c.cpuMs.toFixed(3)} ms per call, ` +
            `${(c.cpuMs / c.size).toFixed(3)} ms per op (${(c.cpuMs / empty.cpuMs).toFixed(1)}× the empty statement)`,
        );
      }
      const { fixedMs, perOpMs } = fit(mine);
      result[`${shape.toLowerCase()}_fixed_ms`] = round(fixedMs);
      result[`${shape.toLowerCase()}_per_op_ms`] = round(perOpMs);
      console.log(`  ${shape}: ≈ ${fixedMs.toFixed(2)} ms per call + ${perOpMs.toFixed(3)} ms per op (least squares)`);
      const optimisticCalls = configs.find((c) => c.name === `${shape}  8 ops, optimistic`)!;
      const optimisticRatio = optimisticCalls.cpuMs / mine.find((c) => c.size === 8)!.cpuMs;
      result[`${shape.toLowerCase()}_8_optimistic_db_cpu_ms`] = round(optimisticCalls.cpuMs);
      result[`${shape.toLowerCase()}_optimistic_ratio`] = round(optimisticRatio);
      console.log(
        `  ${shape} 8 ops, ledger_write_transfers (the batcher's optimistic write): DB CPU ${optimisticCalls.cpuMs.toFixed(3)} ms per call, ` +
          `${optimisticRatio.toFixed(3)}× ledger_apply's`,
      );
      const variantCalls = configs.find((c) => c.name === `${shape}  8 ops, variant`);
      const ours = mine.find((c) => c.size === 8)!;
      if (variantCalls) {
        const ratio = variantCalls.cpuMs / ours.cpuMs;
        result[`${shape.toLowerCase()}_variant_ratio`] = round(ratio);
        console.log(
          `  ${shape} 8 ops, ledger_apply_variant: DB CPU ${variantCalls.cpuMs.toFixed(3)} ms per call, ${ratio.toFixed(3)}× ledger_apply's`,
        );
      }
    }
    const report = await checkLedgerInvariants(db);
    result.invariants_ok = report.ok;
    console.log(`invariants ${report.ok ? 'ok' : 'VIOLATED'}`);
    console.log(`RESULT ${JSON.stringify(result)}`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await client.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    await database.drop().catch((e: unknown) => console.error(`could not drop ${database.name}: ${String(e)}`));
    await database.stopServer().catch(() => {});
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
