// npm run bench:proof — the daily proof of liabilities over 100,000 accounts, on a fresh
// database (the embedded PostgreSQL unless DATABASE_URL is set; dropped at the end). Real
// rows: 100,000 customer wallets funded through ledger_apply (500 top-ups a call), then the
// daily build exactly as the job runs it (buildDailyProof: day-end balances from the ledger,
// per-account salts, the tree, the signature, the append-only row), then one account's proof
// as its download rebuilds it, and that proof's check (hashes + Ed25519 signature). Same-run
// baseline: hashing 100,000 leaves and the tree over them in memory, no database.
// Prints each step and, last, `RESULT {json}`.
//
//   --accounts N   accounts (default 100000)
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CURRENCY, buildJournalEntry, topUpPostings, userWalletCode } from '../../ledger';
import { verifyLiabilityProof } from '../../lib/liability-proof/liability-proof';
import { buildSumTree } from '../../lib/liability-proof/sum-tree';
import { leafNode } from '../../lib/liability-proof/sum-tree-encoding';
import { inTransaction } from '../../server/core/in-transaction';
import { createDb } from '../../server/db';
import { generateSigningKey } from '../../server/signing/generate-signing-key';
import { applyLedgerOps, ensureAccounts, ensurePlatformAccounts, okOrThrow } from '../../server/stored-ledger';
import { createFreshDatabase } from '../db/test-database';

const accountsArg = process.argv.indexOf('--accounts');
const ACCOUNTS = accountsArg > 0 ? Math.max(2, Number(process.argv[accountsArg + 1]) || 100_000) : 100_000;
const seconds = (from: number) => (performance.now() - from) / 1000;

const database = await createFreshDatabase('proof_bench');
// The app's own clients (the signature publishes its key through db()) reach this database.
process.env.DATABASE_URL = database.url;
process.env.RECEIPT_SIGNING_KEY ??= generateSigningKey();
const { buildDailyProof } = await import('../../server/liability-proof/build-daily-proof');
const { getAccountProof } = await import('../../server/liability-proof/get-account-proof');
const { publishedSigningKeys } = await import('../../server/signing/published-signing-keys');
const { todayBusinessDate } = await import('../../server/reconciliation/business-date');
const { db: appDb } = await import('../../server/db');
const db = createDb(database.url, 4);
try {
  // Baseline: the tree alone, in memory.
  const tb = performance.now();
  const salt = randomBytes(32);
  const baseline = buildSumTree(Array.from({ length: ACCOUNTS }, (_, i) => leafNode(`account-${i}`, salt, BigInt(i))));
  const baselineSeconds = seconds(tb);
  console.log(`baseline: ${ACCOUNTS} leaves hashed and the tree built in memory in ${baselineSeconds.toFixed(2)} s`);

  const ts = performance.now();
  await ensurePlatformAccounts(db, DEFAULT_CURRENCY);
  const userIds = Array.from({ length: ACCOUNTS }, () => randomUUID());
  for (let i = 0; i < ACCOUNTS; i += 10_000) {
    await ensureAccounts(
      db,
      userIds.slice(i, i + 10_000).map((id) => ({ code: userWalletCode(id), currency: DEFAULT_CURRENCY })),
    );
  }
  let expectedTotal = 0n;
  for (let i = 0; i < ACCOUNTS; i += 500) {
    const chunk = userIds.slice(i, i + 500).map((userId, j) => ({ userId, amount: BigInt(100 + ((i + j) % 99_901)) }));
    for (const c of chunk) expectedTotal += c.amount;
    await inTransaction(
      db,
      async (tx) => {
        const results = await applyLedgerOps(
          tx,
          chunk.map((c) => ({
            type: 'transfer' as const,
            idempotencyScope: 'bench',
            entry: buildJournalEntry({
              kind: 'TOP_UP',
              postings: topUpPostings({ userId: c.userId, amount: c.amount, currency: DEFAULT_CURRENCY }),
            }),
          })),
        );
        results.forEach((r) => okOrThrow(r));
      },
      { timeout: 60_000 },
    );
  }
  console.log(`seeded ${ACCOUNTS} funded wallets through ledger_apply in ${seconds(ts).toFixed(1)} s`);

  // The day's reserve as reconciliation would have stored it (the bank holds every top-up).
  const today = todayBusinessDate();
  await db.reconciliationRun.create({
    data: {
      businessDate: today,
      currency: DEFAULT_CURRENCY,
      status: 'COMPLETED',
      trigger: 'SCHEDULED',
      bankClosingBalance: expectedTotal,
      durationMs: 0,
      startedAt: new Date(),
    },
  });
  // Today, as the job builds it once the day is over (its clock: tomorrow).
  const tomorrow = new Date(Date.now() + 86_400_000);
  const t0 = performance.now();
  const built = await buildDailyProof({ db }, { date: today, trigger: 'SCHEDULED' }, tomorrow);
  const buildSeconds = seconds(t0);
  if (built.totalLiabilities !== expectedTotal || built.leafCount !== ACCOUNTS)
    throw new Error(`the root says ${built.totalLiabilities} over ${built.leafCount}, expected ${expectedTotal}`);
  console.log(
    `daily build: ${built.leafCount} accounts, total ${built.totalLiabilities}, root ${built.rootHash.slice(0, 16)}… in ${buildSeconds.toFixed(2)} s`,
  );

  const tp = performance.now();
  const proof = await getAccountProof(db, userIds[Math.floor(ACCOUNTS / 2)]!, today);
  const proofSeconds = seconds(tp);
  const proofBytes = Buffer.byteLength(JSON.stringify(proof, null, 2));
  console.log(
    `one account's proof (tree rebuilt from the ledger): ${proofBytes} bytes, ${proof.path.length} steps, ${proofSeconds.toFixed(2)} s`,
  );

  // Where the build's time goes: the ledger query, then salts + order + tree in memory.
  const { liabilitiesAt } = await import('../../server/liability-proof/day-end-balances');
  const { treeOfBalances } = await import('../../server/liability-proof/build-liability-tree');
  const tq = performance.now();
  const balances = await liabilitiesAt(db, DEFAULT_CURRENCY, tomorrow);
  const querySeconds = seconds(tq);
  const tt = performance.now();
  treeOfBalances(today, balances);
  const treeSeconds = seconds(tt);
  console.log(
    `of which: day-end balances query ${querySeconds.toFixed(2)} s; salts, order and tree ${treeSeconds.toFixed(2)} s`,
  );

  const keys = await publishedSigningKeys();
  const tv = performance.now();
  const verdict = await verifyLiabilityProof(JSON.parse(JSON.stringify(proof)), keys);
  const verifyMs = performance.now() - tv;
  if (!verdict.ok) throw new Error(`the proof did not verify: ${verdict.reason}`);
  console.log(`verified in ${verifyMs.toFixed(1)} ms`);
  console.log(
    `RESULT ${JSON.stringify({
      accounts: ACCOUNTS,
      seconds: Number(buildSeconds.toFixed(3)),
      proof_bytes: proofBytes,
      verify_ms: Number(verifyMs.toFixed(2)),
      proof_rebuild_seconds: Number(proofSeconds.toFixed(3)),
      query_seconds: Number(querySeconds.toFixed(3)),
      salts_and_tree_seconds: Number(treeSeconds.toFixed(3)),
      baseline_tree_in_memory_seconds: Number(baselineSeconds.toFixed(3)),
      baseline_root_sum: baseline.root.sum.toString(),
    })}`,
  );
} finally {
  await db.$disconnect();
  await appDb().$disconnect();
  await database.drop();
  await database.stopServer();
}
