// npm run bench:recon — reconciliation of one day with 10,000 ledger entries and 10,000 bank
// lines, on a fresh database (the embedded PostgreSQL unless DATABASE_URL is set; dropped at
// the end). The ledger side is booked through ledger_apply in batches with the wallet's
// operation rows; the bank side is written straight into the sandbox bank's own tables (one
// statement, not 10,000 HTTP calls). The reconciliation itself fetches the statement through
// the BankGateway over HTTP, as the app does. Some breaks of each kind are planted and must
// be found exactly. Prints each run and, last, `RESULT {json}`.
//
//   --runs N   reconciliations to time (default 3; RESULT reports the median)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CURRENCY, buildJournalEntry, topUpPostings, userWalletCode } from '../../ledger';
import { openSandboxAccount } from '../../sandbox-bank/accounts/open-account';
import { DEV_CLIENT_SECRET } from '../../sandbox-bank/env';
import { newBankReference } from '../../sandbox-bank/requests/bank-reference';
import { RESERVE_ACCOUNT_NUMBER } from '../../sandbox-bank/seed-accounts';
import { serveSandboxBank } from '../../sandbox-bank/testing/serve-sandbox-bank';
import { SandboxBankGateway } from '../../server/bank/sandbox-bank-gateway';
import { inTransaction } from '../../server/core/in-transaction';
import { createDb } from '../../server/db';
import { applyLedgerOps, ensureAccounts, ensurePlatformAccounts, okOrThrow } from '../../server/stored-ledger';
import { todayBusinessDate } from '../../server/reconciliation/business-date';
import { runReconciliation } from '../../server/reconciliation/run-reconciliation';
import { createFreshDatabase } from '../db/test-database';

const LINES = 10_000;
const USERS = 1_000;
// Planted breaks (ledger entries = matched + amount + at bank; bank lines = matched + amount + pending + stray).
const PLANTED = { amountMismatch: 20, missingAtBank: 20, pendingInWallet: 10, strayAtBank: 10 };
const MATCHED = LINES - PLANTED.amountMismatch - PLANTED.missingAtBank;
const EXPECTED_BREAKS = PLANTED.amountMismatch + PLANTED.missingAtBank + PLANTED.pendingInWallet + PLANTED.strayAtBank;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;

type Planned = {
  id: string;
  userId: string;
  amount: bigint;
  booked: bigint | null;
  status: 'SUCCEEDED' | 'PENDING';
  atBank: boolean;
};

const database = await createFreshDatabase('recon_bench');
const bank = await serveSandboxBank({ databaseUrl: database.url });
const db = createDb(database.url, 4);
try {
  const t0 = performance.now();
  const date = todayBusinessDate();
  await ensurePlatformAccounts(db, DEFAULT_CURRENCY);
  const userIds = Array.from({ length: USERS }, () => randomUUID());
  await db.user.createMany({
    data: userIds.map((id, i) => ({
      id,
      email: `bench-${i}-${id.slice(0, 8)}@example.com`,
      displayName: `用户${i}`,
      passwordHash: 'x',
    })),
  });
  await ensureAccounts(
    db,
    userIds.map((id) => ({ code: userWalletCode(id), currency: DEFAULT_CURRENCY })),
  );

  const plan: Planned[] = [];
  const add = (
    n: number,
    p: Omit<Planned, 'id' | 'userId' | 'amount'>,
    amount = () => BigInt(100 + Math.floor(Math.random() * 100_000)),
  ) => {
    for (let i = 0; i < n; i++)
      plan.push({ id: randomUUID(), userId: userIds[plan.length % USERS]!, amount: amount(), ...p });
  };
  add(MATCHED, { booked: null, status: 'SUCCEEDED', atBank: true });
  add(PLANTED.amountMismatch, { booked: null, status: 'SUCCEEDED', atBank: true });
  add(PLANTED.missingAtBank, { booked: null, status: 'SUCCEEDED', atBank: false });
  add(PLANTED.pendingInWallet, { booked: null, status: 'PENDING', atBank: true });
  for (const [i, p] of plan.entries()) {
    if (p.status === 'SUCCEEDED')
      p.booked = i >= MATCHED && i < MATCHED + PLANTED.amountMismatch ? p.amount - 1n : p.amount;
  }

  // Ledger: one ledger_apply per 500 top-ups, the operations with their entry ids.
  const booked = plan.filter((p) => p.booked !== null);
  const entryIds = new Map<string, string>();
  for (let i = 0; i < booked.length; i += 500) {
    const chunk = booked.slice(i, i + 500);
    await inTransaction(
      db,
      async (tx) => {
        const results = await applyLedgerOps(
          tx,
          chunk.map((p) => ({
            type: 'transfer' as const,
            idempotencyScope: 'wallet',
            entry: buildJournalEntry({
              kind: 'TOP_UP',
              postings: topUpPostings({ userId: p.userId, amount: p.booked!, currency: DEFAULT_CURRENCY }),
              idempotencyKey: `operation:${p.id}:settle`,
              metadata: { operationId: p.id },
            }),
          })),
        );
        results.forEach((r, j) => entryIds.set(chunk[j]!.id, okOrThrow(r).entryId));
      },
      { timeout: 60_000 },
    );
  }
  await db.walletOperation.createMany({
    data: plan.map((p) => ({
      id: p.id,
      userId: p.userId,
      kind: 'TOP_UP' as const,
      status: p.status,
      currency: DEFAULT_CURRENCY,
      amount: p.amount,
      ledgerEntryId: entryIds.get(p.id) ?? null,
      idempotencyKey: p.id,
      requestHash: 'bench',
      completedAt: p.status === 'SUCCEEDED' ? new Date() : null,
    })),
  });

  // Bank: every line a succeeded debit from one customer account into the reserve, written
  // in one statement with running balances (the bank's commit-time check verifies them).
  const bankLines = [
    ...plan.filter((p) => p.atBank).map((p) => ({ reference: p.id, amount: p.amount })),
    ...Array.from({ length: PLANTED.strayAtBank }, () => ({ reference: `stray-${randomUUID()}`, amount: 4_321n })),
  ];
  const total = bankLines.reduce((s, l) => s + l.amount, 0n);
  const payer = await openSandboxAccount(bank.pool, { holderName: '压测付款人', openingBalance: total + 1_000_000n });
  const client = await bank.pool.connect();
  try {
    await client.query('BEGIN');
    const rows = JSON.stringify(
      bankLines.map((l) => ({
        reference: l.reference,
        amount: l.amount.toString(),
        bank_reference: newBankReference(),
      })),
    );
    await client.query(
      `WITH input AS (
         SELECT t.x->>'reference' AS reference, (t.x->>'amount')::bigint AS amount, t.x->>'bank_reference' AS bank_reference,
                t.ord, gen_random_uuid() AS request_id
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, ord)
       ), reserve AS (SELECT balance FROM sandbox_bank.accounts WHERE account_number = $3 FOR UPDATE),
       payer AS (SELECT balance FROM sandbox_bank.accounts WHERE account_number = $2 FOR UPDATE),
       req AS (
         INSERT INTO sandbox_bank.requests (id, reference, bank_reference, kind, status, account_number, amount, currency, payee,
                                            description, return_url, notify_url, body_hash, expires_at, completed_at)
         SELECT request_id, reference, bank_reference, 'DEBIT', 'SUCCEEDED', $2, amount, 'CNY', '钱包平台', 'bench',
                'http://127.0.0.1/return', 'http://127.0.0.1/notices', 'bench', now() + interval '30 minutes', now()
         FROM input
         RETURNING id
       )
       INSERT INTO sandbox_bank.movements (bank_reference, request_id, kind, from_account, to_account, amount, from_balance_after, to_balance_after, description, booked_at)
       SELECT i.bank_reference, i.request_id, 'DEBIT', $2, $3, i.amount,
              (SELECT balance FROM payer) - sum(i.amount) OVER w, (SELECT balance FROM reserve) + sum(i.amount) OVER w, 'bench', clock_timestamp()
       FROM input i
       WHERE (SELECT count(*) FROM req) > 0
       WINDOW w AS (ORDER BY i.ord)
       ORDER BY i.ord`,
      [rows, payer, RESERVE_ACCOUNT_NUMBER],
    );
    await client.query(
      `UPDATE sandbox_bank.accounts a SET balance = a.balance + CASE WHEN a.account_number = $2 THEN $3::bigint ELSE -$3::bigint END
       WHERE a.account_number IN ($1, $2)`,
      [payer, RESERVE_ACCOUNT_NUMBER, total],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await db.$executeRawUnsafe('ANALYZE');
  await bank.pool.query('ANALYZE sandbox_bank.movements, sandbox_bank.requests');
  console.log(
    `seeded ${date}: ${booked.length} ledger entries, ${bankLines.length} bank lines, ${EXPECTED_BREAKS} planted breaks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const gateway = new SandboxBankGateway({ baseUrl: bank.url, clientSecret: DEV_CLIENT_SECRET, timeoutMs: 60_000 });
  // The statement alone over HTTP (the bank's query, JSON of 10,000 lines, parsing): part of every run below.
  const fetchStarted = performance.now();
  const fetched = await gateway.reserveStatement(date);
  console.log(
    `statement over HTTP alone: ${fetched.lines.length} lines in ${((performance.now() - fetchStarted) / 1000).toFixed(3)} s`,
  );
  const seconds: number[] = [];
  let last: Awaited<ReturnType<typeof runReconciliation>> | undefined;
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    last = await runReconciliation({ db, bank: gateway }, { date, trigger: 'SCHEDULED' });
    const s = (performance.now() - started) / 1000;
    seconds.push(s);
    console.log(
      `run ${r + 1}: ${last.bankLineCount} lines, ${last.ledgerEntryCount} entries, ${last.matched} matched, ${last.breakCount} breaks in ${s.toFixed(3)} s (${Math.round(last.bankLineCount / s)} lines/s, ${Math.round(last.matched / s)} matches/s)`,
    );
  }
  const byCategory = await db.reconciliationBreak.groupBy({
    by: ['category'],
    where: { runId: last!.runId },
    _count: true,
  });
  console.log('breaks of the last run:', Object.fromEntries(byCategory.map((c) => [c.category, c._count])));
  const expected = {
    AMOUNT_MISMATCH: PLANTED.amountMismatch,
    MISSING_AT_BANK: PLANTED.missingAtBank,
    MISSING_IN_LEDGER: PLANTED.pendingInWallet + PLANTED.strayAtBank,
  };
  for (const [category, n] of Object.entries(expected)) {
    const found = byCategory.find((c) => c.category === category)?._count ?? 0;
    if (found !== n) throw new Error(`expected ${n} ${category} breaks, found ${found}`);
  }
  if (last!.matched !== MATCHED) throw new Error(`expected ${MATCHED} matched lines, found ${last!.matched}`);
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
  console.log(
    `RESULT ${JSON.stringify({
      lines: last!.bankLineCount,
      ledger_entries: last!.ledgerEntryCount,
      seconds: Number(median.toFixed(3)),
      seconds_each: seconds.map((s) => Number(s.toFixed(3))),
      matches_per_second: Math.round(last!.matched / median),
      breaks_found: last!.breakCount,
    })}`,
  );
} finally {
  await db.$disconnect();
  await bank.close();
  await database.drop();
  await database.stopServer();
}
