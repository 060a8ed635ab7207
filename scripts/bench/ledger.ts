// `npm run bench:ledger`: the ledger's throughput and latency on this machine (issue 3).
//
// On a fresh, migrated database (the embedded PostgreSQL unless DATABASE_URL is set; dropped
// at the end) it seeds 10,000 funded wallets and a hot merchant, then runs each workload for a
// fixed time at 16 concurrent clients through the same server/stored-ledger functions the app uses
// (postTransfer / createHold / postHold on the process's LedgerBatcher, which sends its
// calls over node-postgres connections of its own: calls of plain transfers through the
// optimistic write, the others through ledger_apply):
//   W1  uniform transfers between random wallets
//   W2  every transfer credits one hot merchant
//   W3  70% transfers, 15% top-ups (D reserve, C wallet), 15% withdrawals with fee
//       (a hold of amount + fee, then its posting: D wallet, C reserve, C fees; one operation)
// W2 runs twice: once more with the optimistic path off (every call through ledger_apply),
// so that the line after it reads that path's gain in the same run;
// and, in the same run on the same database, a plain-SQL baseline doing the same postings in
// one round trip per transfer (a small PL/pgSQL function through `pg` with a 16-connection
// pool) for W1 and W2. Every invariant is checked after each workload. With the embedded
// server (or any server on this machine whose processes we may read), each line also gives
// the database's CPU time per op (the backends serving this run's database, from /proc).
//
// Options: --seconds N (per workload, default 10), --clients N (default 16),
//          --wallets N (default 10000), --warmup N (seconds, default 2).
// The last line is `RESULT {json}`.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  WITHDRAWAL_FEE,
  buildJournalEntry,
  computeFee,
  merchantBalanceCode,
  payFromBalancePostings,
  topUpPostings,
  transferPostings,
  userWalletCode,
  withdrawalPostings,
  type Currency,
  type PostingInput,
} from '../../ledger/index';
import { createDb } from '../../server/db';
import { checkLedgerInvariants, formatInvariantReport } from '../../server/stored-ledger/check-invariants';
import {
  applyLedgerOps,
  createHold,
  ensureAccounts,
  ensurePlatformAccounts,
  postHold,
  postTransfer,
  type LedgerOp,
} from '../../server/stored-ledger/index';
import {
  LedgerBatcher,
  ledgerBatcher,
  type LedgerBatcherStats,
} from '../../server/stored-ledger/batching/ledger-batcher';
import { createFreshDatabase } from '../db/test-database';

// ---------------------------------------------------------------------------------------
// Options

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const raw = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got ${String(raw)}`);
  return value;
}

const SECONDS = option('seconds', 10);
const CLIENTS = Math.floor(option('clients', 16));
const WALLETS = Math.floor(option('wallets', 10_000));
const WARMUP = process.argv.includes('--warmup') ? option('warmup', 2) : Math.min(2, SECONDS / 5);
const CURRENCY: Currency = 'CNY';
const FUND = 10_000_000n; // ¥100,000 per wallet: no transfer of the run is ever refused for funds
const MERCHANT = 'benchhotmerchant';

const log = (line: string) => console.log(line);

// ---------------------------------------------------------------------------------------
// Measuring

type Measurement = {
  name: string;
  ops: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: string[];
  /** CPU time of this Node process per op (client + ledger code + driver), in ms. */
  cpuMsPerOp: number;
  /** CPU time of the database backends of this run per op, in ms (NaN when not readable). */
  dbCpuMsPerOp: number;
};

/**
 * Starts counting the CPU time of the backends connected to this run's database; the
 * returned function gives the ms they used since (backends that connected meanwhile count
 * whole; one that exited meanwhile is missed). NaN when /proc is not readable.
 */
type DbCpuProbe = () => Promise<() => Promise<number>>;

function dbCpuProbe(admin: pg.Pool): DbCpuProbe {
  const tick = 100; // USER_HZ on Linux
  const used = (pid: number): number => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
    } catch {
      return NaN;
    }
  };
  const snapshot = async () => {
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return new Map(rows.map((r) => [r.pid, used(r.pid)]));
  };
  return async () => {
    const start = await snapshot();
    return async () => {
      let total = 0;
      for (const [pid, ms] of await snapshot()) {
        const from = start.get(pid) ?? 0;
        total += ms >= from ? ms - from : ms; // a reused pid is a new backend
      }
      return total;
    };
  };
}

/** Runs `op` from `clients` loops for `seconds`; latency is submit → result as the client sees it. */
async function measure(
  name: string,
  seconds: number,
  clients: number,
  op: () => Promise<void>,
  dbCpu?: DbCpuProbe,
): Promise<Measurement> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let failed = 0;
  const dbCpuSince = dbCpu ? await dbCpu().catch(() => undefined) : undefined;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op();
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        const key =
          (error as { code?: string }).code ?? (error instanceof Error ? error.message.slice(0, 120) : String(error));
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const dbMs = dbCpuSince ? await dbCpuSince().catch(() => NaN) : NaN;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return {
    name,
    ops: latencies.length,
    failed,
    seconds: elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    errors: [...errors].map(([k, n]) => `${n}× ${k}`),
    cpuMsPerOp: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length + failed),
    dbCpuMsPerOp: dbMs / Math.max(1, latencies.length + failed),
  };
}

const tps = (m: Measurement) => m.ops / m.seconds;
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** What a batcher did between two snapshots of its stats. */
function batchSummary(now: LedgerBatcherStats, before: LedgerBatcherStats): string {
  const batches = now.batches - before.batches;
  return (
    `${batches} batches, ${((now.ops - before.ops) / Math.max(1, batches)).toFixed(1)} ops/batch, ${now.retries - before.retries} retries, ` +
    `${now.optimisticBatches - before.optimisticBatches} optimistic, ${now.optimisticFallbacks - before.optimisticFallbacks} fell back`
  );
}

// ---------------------------------------------------------------------------------------
// Workloads through the app's ledger (the LedgerBatcher)

const randomWallet = () => 1 + Math.floor(Math.random() * WALLETS);
const userId = (i: number) => `benchu${i}`;
const smallAmount = () => BigInt(1 + Math.floor(Math.random() * 1_000));

function twoWallets(): [string, string] {
  const a = randomWallet();
  let b = randomWallet();
  while (b === a) b = randomWallet();
  return [userId(a), userId(b)];
}

function transferOp(batcher: LedgerBatcher): () => Promise<void> {
  return async () => {
    const [from, to] = twoWallets();
    await postTransfer(
      batcher,
      buildJournalEntry({
        kind: 'TRANSFER',
        postings: transferPostings({ fromUserId: from, toUserId: to, amount: smallAmount(), currency: CURRENCY }),
      }),
    );
  };
}

/** A customer pays the hot merchant from the wallet balance (no merchant fee: the same two postings as the baseline). */
function payMerchantPostings(from: string, amount: bigint): PostingInput[] {
  return payFromBalancePostings({ userId: from, merchantId: MERCHANT, amount, merchantFee: 0n, currency: CURRENCY });
}

function hotMerchantOp(batcher: LedgerBatcher): () => Promise<void> {
  return async () => {
    await postTransfer(
      batcher,
      buildJournalEntry({ kind: 'PAYMENT', postings: payMerchantPostings(userId(randomWallet()), smallAmount()) }),
    );
  };
}

function mixedOp(batcher: LedgerBatcher): () => Promise<void> {
  const transfer = transferOp(batcher);
  return async () => {
    const roll = Math.random();
    if (roll < 0.7) return transfer();
    const user = userId(randomWallet());
    const amount = smallAmount() * 10n;
    if (roll < 0.85) {
      await postTransfer(
        batcher,
        buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: user, amount, currency: CURRENCY }) }),
      );
      return;
    }
    const fee = computeFee(amount, WITHDRAWAL_FEE);
    const hold = await createHold(
      batcher,
      buildJournalEntry({
        kind: 'WITHDRAWAL',
        postings: withdrawalPostings({ userId: user, amount, fee, currency: CURRENCY }),
      }),
    );
    await postHold(batcher, hold.entryId);
  };
}

// ---------------------------------------------------------------------------------------
// The plain-SQL baseline: one round trip per transfer, written straight into the same tables
// (so the same invariants can be checked after it): lock both accounts in id order, debit
// the payer with a balance check, credit the payee, insert the entry and its two postings.

const BASELINE_FUNCTION = `
CREATE OR REPLACE FUNCTION bench_baseline_transfer(p_from text, p_to text, p_currency text, p_amount bigint, p_kind text)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_from ledger_accounts%ROWTYPE;
  v_to ledger_accounts%ROWTYPE;
  v_entry uuid := uuidv7();
BEGIN
  PERFORM 1 FROM ledger_accounts
   WHERE currency = p_currency AND code IN (p_from, p_to)
   ORDER BY id FOR UPDATE;
  UPDATE ledger_accounts
     SET balance = balance - p_amount, version = version + 1
   WHERE code = p_from AND currency = p_currency
     AND (may_go_negative OR balance - pending_debits >= p_amount)
  RETURNING * INTO v_from;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  UPDATE ledger_accounts
     SET balance = balance + p_amount, version = version + 1
   WHERE code = p_to AND currency = p_currency
  RETURNING * INTO v_to;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no account %', p_to;
  END IF;
  INSERT INTO journal_entries (id, kind, status) VALUES (v_entry, p_kind, 'POSTED');
  INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
  VALUES (uuidv7(), v_entry, v_from.id, p_currency, -p_amount, false, v_from.version, v_from.balance),
         (uuidv7(), v_entry, v_to.id, p_currency, p_amount, false, v_to.version, v_to.balance);
  RETURN true;
END $$`;

function baselineOp(pool: pg.Pool, pickPair: () => [string, string], kind: string): () => Promise<void> {
  return async () => {
    const [from, to] = pickPair();
    const { rows } = await pool.query<{ ok: boolean }>('SELECT bench_baseline_transfer($1, $2, $3, $4, $5) AS ok', [
      from,
      to,
      CURRENCY,
      smallAmount().toString(),
      kind,
    ]);
    if (!rows[0]?.ok) throw Object.assign(new Error('baseline transfer refused'), { code: 'INSUFFICIENT_FUNDS' });
  };
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = performance.now();
  log(`ledger benchmark: ${WALLETS} wallets, ${CLIENTS} clients, ${SECONDS} s per workload (warm-up ${WARMUP} s)`);
  const database = await createFreshDatabase('wallet_bench');
  log(`database ${database.name} (${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'})`);
  const db = createDb(database.url, CLIENTS);
  const pool = new pg.Pool({ connectionString: database.url, max: CLIENTS });
  pool.on('error', () => {});
  const admin = new pg.Pool({ connectionString: database.url, max: 1 });
  admin.on('error', () => {});
  const dbCpu = dbCpuProbe(admin);
  let closeBatcher = async (): Promise<void> => {};
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await closeBatcher().catch(() => {});
    await pool.end().catch(() => {});
    await admin.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    await database.drop().catch((e: unknown) => console.error(`could not drop ${database.name}: ${String(e)}`));
    await database.stopServer().catch(() => {});
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // Seed: accounts in one statement each, top-ups from the reserve in big ledger_apply batches.
    const seedStart = performance.now();
    await ensurePlatformAccounts(db, CURRENCY);
    const codes = Array.from({ length: WALLETS }, (_, i) => ({
      code: userWalletCode(userId(i + 1)),
      currency: CURRENCY,
    }));
    await ensureAccounts(db, [...codes, { code: merchantBalanceCode(MERCHANT), currency: CURRENCY }]);
    const SEED_BATCH = 2_000;
    for (let i = 1; i <= WALLETS; i += SEED_BATCH) {
      const ops: LedgerOp[] = [];
      for (let j = i; j < Math.min(i + SEED_BATCH, WALLETS + 1); j++) {
        ops.push({
          type: 'transfer',
          entry: buildJournalEntry({
            kind: 'TOP_UP',
            postings: topUpPostings({ userId: userId(j), amount: FUND, currency: CURRENCY }),
          }),
        });
      }
      const results = await applyLedgerOps(db, ops);
      const refused = results.filter((r) => !r.ok);
      if (refused.length > 0)
        throw new Error(`seeding: ${refused.length} top-ups refused: ${String(refused[0]!.ok || refused[0]!.error)}`);
    }
    await db.$executeRawUnsafe(BASELINE_FUNCTION);
    // Statistics as a running system has them (autovacuum would get there within a minute).
    await db.$executeRawUnsafe('VACUUM ANALYZE ledger_accounts, journal_entries, ledger_postings');
    log(`seeded ${WALLETS} wallets and a hot merchant in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // The app's batcher: group commit over connections of its own (node-postgres, not Prisma).
    const batcher = ledgerBatcher(db, { connectionString: database.url });
    // The same on its own connections with the optimistic path off (every call through
    // ledger_apply): W2 once more with it, in the same run, to read the optimistic path's gain.
    const applyOnly = new LedgerBatcher(db, { connectionString: database.url, optimistic: false });
    closeBatcher = async () => {
      await batcher.close();
      await applyOnly.close();
    };
    const walletPair = twoWallets;
    const merchantPair = (): [string, string] => [
      userWalletCode(userId(randomWallet())),
      merchantBalanceCode(MERCHANT),
    ];
    const codePair = (): [string, string] => {
      const [a, b] = walletPair();
      return [userWalletCode(a), userWalletCode(b)];
    };

    // Warm up both paths (JIT, caches, connections); not measured.
    if (WARMUP > 0) {
      await measure('warm-up', WARMUP / 2, CLIENTS, transferOp(batcher));
      await measure('warm-up', WARMUP / 2, CLIENTS, baselineOp(pool, codePair, 'TRANSFER'));
    }

    const results: { m: Measurement; invariants: boolean; checkMs: number; batches?: string }[] = [];
    let invariantsOk = true;
    const runOne = async (name: string, op: () => Promise<void>, via?: LedgerBatcher) => {
      const before = via ? { ...via.stats } : undefined;
      const m = await measure(name, SECONDS, CLIENTS, op, dbCpu);
      await via?.idle();
      const c0 = performance.now();
      const report = await checkLedgerInvariants(db);
      const checkMs = performance.now() - c0;
      if (!report.ok) {
        invariantsOk = false;
        console.error(formatInvariantReport(report));
      }
      const batchInfo = via && before ? batchSummary(via.stats, before) : undefined;
      results.push({ m, invariants: report.ok, checkMs, ...(batchInfo ? { batches: batchInfo } : {}) });
      const failedNote = m.failed > 0 ? `, ${m.failed} FAILED (${m.errors.join('; ')})` : '';
      log(
        `  ${name}: ${tps(m).toFixed(0)} ops/s, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, ` +
          `Node CPU ${m.cpuMsPerOp.toFixed(3)} ms/op` +
          (Number.isFinite(m.dbCpuMsPerOp) ? `, DB CPU ${m.dbCpuMsPerOp.toFixed(3)} ms/op` : '') +
          `${batchInfo ? ` (${batchInfo})` : ''}${failedNote}; invariants ${report.ok ? 'ok' : 'VIOLATED'} (checked in ${checkMs.toFixed(0)} ms)`,
      );
      return m;
    };

    const w1 = await runOne('W1 uniform transfers', transferOp(batcher), batcher);
    const b1 = await runOne('W1 baseline (plain SQL)', baselineOp(pool, codePair, 'TRANSFER'));
    const w2 = await runOne('W2 hot merchant', hotMerchantOp(batcher), batcher);
    const w2a = await runOne('W2 hot merchant, ledger_apply only', hotMerchantOp(applyOnly), applyOnly);
    const b2 = await runOne('W2 baseline (plain SQL)', baselineOp(pool, merchantPair, 'PAYMENT'));
    const w3 = await runOne('W3 mix 70/15/15', mixedOp(batcher), batcher);

    const [{ postings, entries }] = (await db.$queryRaw<{ postings: bigint; entries: bigint }[]>`
      SELECT (SELECT count(*) FROM ledger_postings) AS postings, (SELECT count(*) FROM journal_entries) AS entries`) as [
      { postings: bigint; entries: bigint },
    ];

    const ratio = (ours: Measurement, base: Measurement | undefined) => (base ? tps(ours) / tps(base) : undefined);
    const rows: [string, string, string, string, string, string][] = [
      ['workload', 'ops/s', 'p50 ms', 'p99 ms', 'ours/baseline', 'failed'],
      ...(
        [
          ['W1 uniform (ledger)', w1, b1],
          ['W1 uniform (baseline)', b1, undefined],
          ['W2 hot merchant (ledger)', w2, b2],
          ['W2 hot merchant (ledger_apply only)', w2a, b2],
          ['W2 hot merchant (baseline)', b2, undefined],
          ['W3 mix 70/15/15 (ledger)', w3, undefined],
        ] as const
      ).map(([label, m, base]) => {
        const r = ratio(m, base);
        return [
          label,
          tps(m).toFixed(0),
          m.p50.toFixed(2),
          m.p99.toFixed(2),
          r === undefined ? '' : `${r.toFixed(2)}×`,
          String(m.failed),
        ] as [string, string, string, string, string, string];
      }),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    log('');
    for (const [i, r] of rows.entries()) {
      log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
      if (i === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    log('');
    log(
      `${entries} entries, ${postings} postings in the database; invariants ${invariantsOk ? 'ok' : 'VIOLATED'} after every workload`,
    );
    log(`total time ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const failedOps = results.reduce((n, r) => n + r.m.failed, 0);
    const result = {
      w1_tps: Math.round(tps(w1)),
      w2_tps: Math.round(tps(w2)),
      w3_tps: Math.round(tps(w3)),
      w1_p99_ms: round2(w1.p99),
      w2_p99_ms: round2(w2.p99),
      w3_p99_ms: round2(w3.p99),
      w1_p50_ms: round2(w1.p50),
      w2_p50_ms: round2(w2.p50),
      w3_p50_ms: round2(w3.p50),
      baseline_w1_tps: Math.round(tps(b1)),
      baseline_w2_tps: Math.round(tps(b2)),
      baseline_w1_p99_ms: round2(b1.p99),
      baseline_w2_p99_ms: round2(b2.p99),
      w1_ratio: round2(tps(w1) / tps(b1)),
      w2_ratio: round2(tps(w2) / tps(b2)),
      // the optimistic path's gain: W2 against W2 with every call through ledger_apply
      w2_ledger_apply_only_tps: Math.round(tps(w2a)),
      w2_optimistic_gain: round2(tps(w2) / tps(w2a)),
      failed_ops: failedOps,
      invariants_ok: invariantsOk,
      seconds: SECONDS,
      clients: CLIENTS,
      wallets: WALLETS,
      max_invariant_check_ms: round1(Math.max(...results.map((r) => r.checkMs))),
      // CPU per op of this process and of the database backends (null: not readable here)
      ...Object.fromEntries(
        (
          [
            ['w1', w1],
            ['w2', w2],
            ['w2_ledger_apply_only', w2a],
            ['w3', w3],
            ['baseline_w1', b1],
            ['baseline_w2', b2],
          ] as const
        ).flatMap(([k, m]) => [
          [`${k}_node_cpu_ms_per_op`, round3(m.cpuMsPerOp)],
          [`${k}_db_cpu_ms_per_op`, Number.isFinite(m.dbCpuMsPerOp) ? round3(m.dbCpuMsPerOp) : null],
        ]),
      ),
    };
    await cleanup();
    console.log(`RESULT ${JSON.stringify(result)}`);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
