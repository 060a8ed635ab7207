// The ledger's rules against a real PostgreSQL: idempotency, all-or-nothing withdrawals,
// the database's own guards (raw SQL cannot break the books), hold expiry on the database
// clock, balances at a past instant and statement pagination. Every invariant is checked
// after each test.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FEE_REVENUE_ACCOUNT,
  RESERVE_ACCOUNT,
  WITHDRAWAL_FEE,
  buildJournalEntry,
  computeFee,
  topUpPostings,
  transferPostings,
  userWalletCode,
  withdrawalPostings,
  type Currency,
  type JournalEntry,
} from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import type { Tx } from '../db';
import { Prisma } from '../generated/prisma/client';
import { expectLedgerInvariants, fundWallet } from './testing/ledger-test-helpers';
import {
  HISTORY_MAX_LIMIT,
  applyLedgerOps,
  createHold,
  ensureAccounts,
  ensurePlatformAccounts,
  expireHolds,
  getAccountHistory,
  getBalance,
  postHold,
  postTransfer,
  voidHold,
  classifyFailure,
  sqlStateOf,
  withRetry,
  type LedgerOp,
} from './index';
import { LedgerBatcher } from './batching/ledger-batcher';

const CNY: Currency = 'CNY';
const db = testDb(32);
const run = randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const newUser = (tag = 'u') => `r${run}${tag}${(seq++).toString(36)}`;

beforeAll(async () => {
  await ensurePlatformAccounts(db, CNY);
});
afterEach(() => expectLedgerInvariants(db));
afterAll(() => db.$disconnect());

// ---------------------------------------------------------------------------------------
// Helpers

const fundedWallet = (amount: bigint) => fundWallet(db, newUser(), amount, CNY);

const wallet = (userId: string) => getBalance(db, userWalletCode(userId), CNY);

function transfer(
  from: string,
  to: string,
  amount: bigint,
  idempotencyKey?: string,
  metadata?: Record<string, string>,
): JournalEntry {
  return buildJournalEntry({
    kind: 'TRANSFER',
    postings: transferPostings({ fromUserId: from, toUserId: to, amount, currency: CNY }),
    idempotencyKey,
    metadata,
  });
}

function withdrawal(userId: string, amount: bigint, fee = computeFee(amount, WITHDRAWAL_FEE)): JournalEntry {
  return buildJournalEntry({
    kind: 'WITHDRAWAL',
    postings: withdrawalPostings({ userId, amount, fee, currency: CNY }),
  });
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : `THROWN: ${String(error)}`;
  }
  return 'NO_ERROR';
}

/** Row counts and the balances of the accounts named: "nothing was written" means these do not change. */
async function footprint(codes: string[]) {
  const [counts] = await db.$queryRaw<{ entries: bigint; postings: bigint }[]>`
    SELECT (SELECT count(*) FROM journal_entries) AS entries, (SELECT count(*) FROM ledger_postings) AS postings`;
  const balances = await Promise.all(codes.map((code) => getBalance(db, code, CNY)));
  return { entries: counts!.entries, postings: counts!.postings, balances };
}

/** The SQLSTATE of a failed raw statement (Prisma wraps it; retry.ts knows where). */
const sqlState = (error: unknown): string => sqlStateOf(error) ?? `no SQLSTATE: ${String(error)}`;

/** Runs raw SQL that must be refused: the SQLSTATE it failed with, or 'ACCEPTED'. */
async function rawRefused(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return sqlState(error);
  }
  return 'ACCEPTED';
}

const ACCEPTED = new Error('accepted: rolled back by the test');

/**
 * The same for a statement that would damage the books if it were accepted: it runs in a
 * transaction that is always rolled back, so a failure of this test cannot break the others.
 */
async function rawRefusedRolledBack(sql: (tx: Tx) => Promise<unknown>): Promise<string> {
  try {
    await db.$transaction(async (tx) => {
      await sql(tx);
      throw ACCEPTED;
    });
  } catch (error) {
    return error === ACCEPTED ? 'ACCEPTED' : sqlState(error);
  }
  return 'ACCEPTED';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function dbNow(): Promise<Date> {
  await sleep(15); // timestamps are stored to the millisecond: keep instants apart
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  await sleep(15);
  return row!.now;
}

// ---------------------------------------------------------------------------------------

describe('idempotency', () => {
  it('50 concurrent requests with one key write one entry; another body is refused; another scope is another key', async () => {
    const payer = await fundedWallet(10_000n);
    const payee = await fundedWallet(0n);
    const key = `idem-${randomUUID()}`;
    const batcher = new LedgerBatcher(db);

    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const op: LedgerOp = { type: 'transfer', entry: transfer(payer, payee, 100n, key), idempotencyScope: payer };
        try {
          if (i % 2) return await batcher.submit(op);
          const r = await postTransfer(db, op.entry, { idempotencyScope: payer });
          return r;
        } catch (error) {
          return { ok: false as const, error: error as { code: string } };
        }
      }),
    );
    const oks = results.flatMap((r) => (r.ok ? [r] : []));
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    // A duplicate may be told "in progress" (409) while the first is running; nothing else.
    expect(refusals.filter((c) => c !== 'IDEMPOTENCY_IN_PROGRESS')).toEqual([]);
    expect(oks.length).toBeGreaterThan(0);
    expect(new Set(oks.map((r) => r.entryId)).size).toBe(1);
    expect(oks.filter((r) => !r.replayed).length).toBeLessThanOrEqual(1);
    const entryId = oks[0]!.entryId;

    const [{ n }] = (await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM journal_entries WHERE idempotency_key = ${key}`) as [{ n: bigint }];
    expect(n).toBe(1n);
    expect((await wallet(payer)).posted).toBe(9_900n);
    expect((await wallet(payee)).posted).toBe(100n);

    // A late retry replays the first result.
    const again = await postTransfer(db, transfer(payer, payee, 100n, key), { idempotencyScope: payer });
    expect(again).toMatchObject({ entryId, replayed: true });

    // The same key with another request: refused, nothing written (both paths).
    const before = await footprint([userWalletCode(payer), userWalletCode(payee)]);
    expect(await errorCode(postTransfer(db, transfer(payer, payee, 101n, key), { idempotencyScope: payer }))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    const viaBatcher = await batcher.submit({
      type: 'transfer',
      entry: transfer(payer, payee, 100n, key, { memo: 'x' }),
      idempotencyScope: payer,
    });
    expect(viaBatcher.ok ? 'ok' : viaBatcher.error.code).toBe('IDEMPOTENCY_CONFLICT');
    const asHold = await batcher.submit({
      type: 'hold',
      entry: transfer(payer, payee, 100n, key),
      idempotencyScope: payer,
    });
    expect(asHold.ok ? 'ok' : asHold.error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await footprint([userWalletCode(payer), userWalletCode(payee)])).toEqual(before);

    // The same key from another caller is another key.
    const other = await postTransfer(db, transfer(payer, payee, 100n, key), { idempotencyScope: payee });
    expect(other.replayed).toBe(false);
    expect(other.entryId).not.toBe(entryId);
    expect((await wallet(payer)).posted).toBe(9_800n);
    await batcher.close();
  });
});

describe("conflicts inside a caller's transaction", () => {
  it('a deadlock between two use-case transactions reaches the caller as retryable, and the retry succeeds', async () => {
    const [a, b, x, y] = await Promise.all([
      fundedWallet(1_000n),
      fundedWallet(1_000n),
      fundedWallet(0n),
      fundedWallet(0n),
    ]);
    let arrived = 0;
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const errors: string[] = [];
    // tx1 locks a then wants b; tx2 locks b then wants a: PostgreSQL aborts one (40P01).
    const useCase = (first: JournalEntry, second: JournalEntry) =>
      withRetry(
        (attempt) =>
          db.$transaction(
            async (tx) => {
              await postTransfer(tx, first);
              if (attempt === 1) {
                arrived += 1;
                if (arrived === 2) release();
                await bothLocked;
              }
              await postTransfer(tx, second);
            },
            { maxWait: 30_000, timeout: 30_000 },
          ),
        { onRetry: (error) => errors.push(`${sqlStateOf(error) ?? 'none'}:${classifyFailure(error)}`) },
      );
    const results = await Promise.allSettled([
      useCase(transfer(a, x, 10n), transfer(b, x, 20n)),
      useCase(transfer(b, y, 30n), transfer(a, y, 40n)),
    ]);
    const failures = results.flatMap((r) =>
      r.status === 'rejected' ? [`${sqlStateOf(r.reason) ?? ''} ${String(r.reason).slice(0, 300)}`] : [],
    );
    expect(failures).toEqual([]);
    expect(errors).toEqual(['40P01:conflict']);
    expect((await wallet(a)).posted).toBe(950n);
    expect((await wallet(b)).posted).toBe(950n);
    expect((await wallet(x)).posted).toBe(30n);
    expect((await wallet(y)).posted).toBe(70n);
  });
});

describe('all or nothing', () => {
  it('a withdrawal whose amount is covered but whose fee is not writes nothing', async () => {
    const amount = 50_000n;
    const fee = computeFee(amount, WITHDRAWAL_FEE);
    expect(fee).toBeGreaterThan(0n);
    const user = await fundedWallet(amount + fee - 1n);
    const codes = [userWalletCode(user), RESERVE_ACCOUNT, FEE_REVENUE_ACCOUNT];
    const before = await footprint(codes);
    const batcher = new LedgerBatcher(db);

    expect(await errorCode(createHold(db, withdrawal(user, amount, fee)))).toBe('INSUFFICIENT_FUNDS');
    expect(await errorCode(createHold(batcher, withdrawal(user, amount, fee)))).toBe('INSUFFICIENT_FUNDS');
    expect(await errorCode(postTransfer(db, withdrawal(user, amount, fee)))).toBe('INSUFFICIENT_FUNDS');
    expect(await errorCode(postTransfer(batcher, withdrawal(user, amount, fee)))).toBe('INSUFFICIENT_FUNDS');
    expect(await footprint(codes)).toEqual(before);

    // One cent more and it goes through.
    await postTransfer(
      db,
      buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: user, amount: 1n, currency: CNY }) }),
    );
    const hold = await createHold(batcher, withdrawal(user, amount, fee));
    expect((await wallet(user)).available).toBe(0n);
    await postHold(db, hold.entryId);
    expect(await wallet(user)).toMatchObject({ posted: 0n, pendingDebits: 0n, available: 0n });
    await batcher.close();
  });

  it('one refused op in a batch does not fail the others', async () => {
    const rich = await fundedWallet(1_000n);
    const poor = await fundedWallet(10n);
    const results = await applyLedgerOps(db, [
      { type: 'transfer', entry: transfer(rich, poor, 100n) },
      { type: 'transfer', entry: transfer(poor, rich, 1_000_000n) },
      { type: 'transfer', entry: transfer(poor, rich, 5n) },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'INSUFFICIENT_FUNDS', 'ok']);
    expect((await wallet(rich)).posted).toBe(905n);
    expect((await wallet(poor)).posted).toBe(105n);
  });
});

describe('the database defends the invariants', () => {
  it('refuses an unbalanced entry inserted with raw SQL (at COMMIT)', async () => {
    const a = await fundedWallet(1_000n);
    const b = await fundedWallet(0n);
    const before = await footprint([userWalletCode(a), userWalletCode(b)]);
    let statementsAccepted = false;
    const state = await rawRefused(() =>
      db.$transaction(async (tx) => {
        const [acc] = await tx.$queryRaw<{ a: string; b: string }[]>`
          SELECT (SELECT id::text FROM ledger_accounts WHERE code = ${userWalletCode(a)}) AS a,
                 (SELECT id::text FROM ledger_accounts WHERE code = ${userWalletCode(b)}) AS b`;
        const [entry] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO journal_entries (id, kind, status) VALUES (uuidv7(), 'TRANSFER', 'POSTED') RETURNING id::text`;
        await tx.$executeRaw`
          INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
          VALUES (uuidv7(), ${entry!.id}::uuid, ${acc!.a}::uuid, 'CNY', -100, false, 1000001, 0),
                 (uuidv7(), ${entry!.id}::uuid, ${acc!.b}::uuid, 'CNY', 99, false, 1000001, 0)`;
        statementsAccepted = true; // the statements pass; the deferred check refuses the COMMIT
      }),
    );
    expect(statementsAccepted).toBe(true);
    expect(state).toBe('LB001');
    expect(await footprint([userWalletCode(a), userWalletCode(b)])).toEqual(before);
  });

  it('refuses postings added to an entry committed earlier, even balanced ones', async () => {
    const a = await fundedWallet(1_000n);
    const b = await fundedWallet(1_000n);
    const entry = await postTransfer(db, transfer(a, b, 10n));
    const before = await footprint([userWalletCode(a), userWalletCode(b)]);
    const state = await rawRefusedRolledBack(
      (tx) => tx.$executeRaw`
      INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
      SELECT uuidv7(), ${entry.entryId}::uuid, id, 'CNY', CASE WHEN code = ${userWalletCode(a)} THEN 5 ELSE -5 END, false, 1000002, 0
      FROM ledger_accounts WHERE code IN (${userWalletCode(a)}, ${userWalletCode(b)})`,
    );
    expect(state).toBe('LB002');
    // An entry's status, amounts or metadata cannot be rewritten, nor the entry deleted.
    expect(
      await rawRefusedRolledBack(
        (tx) =>
          tx.$executeRaw`UPDATE journal_entries SET status = 'VOIDED', resolved_at = now() WHERE id = ${entry.entryId}::uuid`,
      ),
    ).toBe('LB003');
    expect(
      await rawRefusedRolledBack(
        (tx) => tx.$executeRaw`UPDATE journal_entries SET metadata = '{"x":"y"}' WHERE id = ${entry.entryId}::uuid`,
      ),
    ).toBe('LB003');
    expect(
      await rawRefusedRolledBack((tx) => tx.$executeRaw`DELETE FROM journal_entries WHERE id = ${entry.entryId}::uuid`),
    ).toBe('LB003');
    expect(await footprint([userWalletCode(a), userWalletCode(b)])).toEqual(before);
  });

  it('refuses a posting alone (an entry must balance even with one posting)', async () => {
    const a = await fundedWallet(1_000n);
    const before = await footprint([userWalletCode(a)]);
    const state = await rawRefused(() =>
      db.$transaction(async (tx) => {
        const [entry] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO journal_entries (id, kind, status) VALUES (uuidv7(), 'ADJUSTMENT', 'POSTED') RETURNING id::text`;
        await tx.$executeRaw`
          INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
          SELECT uuidv7(), ${entry!.id}::uuid, id, 'CNY', 500, false, 1000003, 1500 FROM ledger_accounts WHERE code = ${userWalletCode(a)}`;
      }),
    );
    expect(state).toBe('LB001');
    expect(await footprint([userWalletCode(a)])).toEqual(before);
  });

  it('refuses updating or deleting a posting with raw SQL', async () => {
    const a = await fundedWallet(1_000n);
    const code = userWalletCode(a);
    const before = await footprint([code]);
    const ofAccount = Prisma.sql`account_id = (SELECT id FROM ledger_accounts WHERE code = ${code})`;
    expect(
      await rawRefusedRolledBack(
        (tx) => tx.$executeRaw`UPDATE ledger_postings SET amount = amount * 2 WHERE ${ofAccount}`,
      ),
    ).toBe('LB002');
    expect(
      await rawRefusedRolledBack(
        (tx) => tx.$executeRaw`UPDATE ledger_postings SET balance_after = 0 WHERE ${ofAccount}`,
      ),
    ).toBe('LB002');
    expect(await rawRefusedRolledBack((tx) => tx.$executeRaw`DELETE FROM ledger_postings WHERE ${ofAccount}`)).toBe(
      'LB002',
    );
    expect(await rawRefusedRolledBack((tx) => tx.$executeRaw`TRUNCATE ledger_postings CASCADE`)).toBe('LB002');
    expect(await footprint([code])).toEqual(before);
  });

  it('refuses a negative wallet balance written with raw SQL (CHECK)', async () => {
    const a = await fundedWallet(1_000n);
    const code = userWalletCode(a);
    const before = await footprint([code]);
    expect(
      await rawRefusedRolledBack((tx) => tx.$executeRaw`UPDATE ledger_accounts SET balance = -1 WHERE code = ${code}`),
    ).toBe('23514');
    // Available (balance − pending debits) below zero is refused too.
    expect(
      await rawRefusedRolledBack(
        (tx) => tx.$executeRaw`UPDATE ledger_accounts SET pending_debits = balance + 1 WHERE code = ${code}`,
      ),
    ).toBe('23514');
    expect(await footprint([code])).toEqual(before);
  });

  it('refuses a second entry with the same idempotency key in the same scope (unique index)', async () => {
    const key = `raw-${randomUUID()}`;
    const state = await rawRefused(
      () =>
        db.$executeRaw`
        INSERT INTO journal_entries (id, kind, status, idempotency_scope, idempotency_key, request_hash)
        VALUES (uuidv7(), 'TRANSFER', 'POSTED', 'scope-1', ${key}, 'h1'),
               (uuidv7(), 'TRANSFER', 'POSTED', 'scope-1', ${key}, 'h2')`,
    );
    expect(state).toBe('23505');
  });
});

describe('holds', () => {
  it('expire on the database clock: posting after expiry is refused, expireHolds voids and releases', async () => {
    const user = await fundedWallet(10_000n);
    const longHold = await createHold(db, withdrawal(user, 1_000n), { expiresInSeconds: 3_600 });
    const hold = await createHold(db, withdrawal(user, 2_000n), { expiresInSeconds: 1 });
    const held = 1_000n + computeFee(1_000n, WITHDRAWAL_FEE) + 2_000n + computeFee(2_000n, WITHDRAWAL_FEE);
    expect((await wallet(user)).pendingDebits).toBe(held);

    // Wait until the database itself says the hold has expired.
    for (;;) {
      const [row] = await db.$queryRaw<{ expired: boolean }[]>`
        SELECT expires_at <= now() AS expired FROM journal_entries WHERE id = ${hold.entryId}::uuid`;
      if (row!.expired) break;
      await sleep(100);
    }
    expect(await errorCode(postHold(db, hold.entryId))).toBe('HOLD_NOT_PENDING');
    expect((await wallet(user)).posted).toBe(10_000n);

    const voided = await expireHolds(db);
    expect(voided).toBeGreaterThanOrEqual(1);
    const [row] = await db.$queryRaw<{ status: string; resolved: boolean }[]>`
      SELECT status::text AS status, resolved_at IS NOT NULL AS resolved FROM journal_entries WHERE id = ${hold.entryId}::uuid`;
    expect(row).toEqual({ status: 'VOIDED', resolved: true });
    const after = await wallet(user);
    const longHeld = 1_000n + computeFee(1_000n, WITHDRAWAL_FEE);
    expect(after).toMatchObject({ posted: 10_000n, pendingDebits: longHeld, available: 10_000n - longHeld });

    // The unexpired hold is untouched and still posts; the voided one cannot be voided again.
    expect(await errorCode(voidHold(db, hold.entryId))).toBe('HOLD_NOT_PENDING');
    await postHold(db, longHold.entryId);
    expect(await wallet(user)).toMatchObject({ posted: 10_000n - longHeld, pendingDebits: 0n });
    expect(await expireHolds(db)).toBe(0);
  });

  it('expireHolds run three times at once voids each expired hold exactly once', async () => {
    const user = await fundedWallet(100_000n);
    const holds = await Promise.all(
      Array.from({ length: 30 }, () => createHold(db, withdrawal(user, 1_000n), { expiresInSeconds: 1 })),
    );
    expect(new Set(holds.map((h) => h.entryId)).size).toBe(30);
    for (;;) {
      const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
        SELECT count(*) AS waiting FROM journal_entries WHERE id = ANY(${holds.map((h) => h.entryId)}::uuid[]) AND expires_at > now()`;
      if (row!.waiting === 0n) break;
      await sleep(100);
    }
    const [{ expired }] = (await db.$queryRaw<{ expired: bigint }[]>`
      SELECT count(*) AS expired FROM journal_entries WHERE status = 'PENDING' AND expires_at <= now()`) as [
      { expired: bigint },
    ];
    const counts = await Promise.all([
      expireHolds(db, { batchSize: 7 }),
      expireHolds(db, { batchSize: 7 }),
      expireHolds(db, { batchSize: 7 }),
    ]);
    // Racing runners may each stop early (a batch partly voided by another); the next run
    // finishes the job. What matters: every hold voided once, never twice.
    const rest = await expireHolds(db);
    expect(counts.reduce((a, b) => a + b, 0) + rest).toBe(Number(expired));
    expect(await wallet(user)).toMatchObject({ posted: 100_000n, pendingDebits: 0n, available: 100_000n });
    const [{ voided }] = (await db.$queryRaw<{ voided: bigint }[]>`
      SELECT count(*) AS voided FROM journal_entries WHERE id = ANY(${holds.map((h) => h.entryId)}::uuid[]) AND status = 'VOIDED'`) as [
      { voided: bigint },
    ];
    expect(voided).toBe(30n);
  });

  it('a hold is posted or voided exactly once, and an unknown hold is refused', async () => {
    const user = await fundedWallet(10_000n);
    const hold = await createHold(db, withdrawal(user, 1_000n));
    await voidHold(db, hold.entryId);
    expect(await errorCode(postHold(db, hold.entryId))).toBe('HOLD_NOT_PENDING');
    expect(await errorCode(voidHold(db, hold.entryId))).toBe('HOLD_NOT_PENDING');
    expect(await errorCode(postHold(db, '0190b3a0-0000-7000-8000-000000000000'))).toBe('HOLD_NOT_PENDING');
    expect(await errorCode(postHold(db, 'not-a-uuid'))).toBe('HOLD_NOT_PENDING');
    expect(await wallet(user)).toMatchObject({ posted: 10_000n, pendingDebits: 0n, available: 10_000n });
  });
});

describe('balances and history', () => {
  it('gives the balance at a past instant', async () => {
    const user = newUser();
    const other = await fundedWallet(0n);
    await ensureAccounts(db, [{ code: userWalletCode(user), currency: CNY }]);
    const t0 = await dbNow();
    await postTransfer(
      db,
      buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: user, amount: 1_000n, currency: CNY }) }),
    );
    const t1 = await dbNow();
    await postTransfer(db, transfer(user, other, 300n));
    const t2 = await dbNow();
    const hold = await createHold(db, transfer(user, other, 200n));
    const t3 = await dbNow();
    await voidHold(db, hold.entryId);
    const t4 = await dbNow();
    const hold2 = await createHold(db, transfer(user, other, 100n));
    const t5 = await dbNow();
    await postHold(db, hold2.entryId);
    const t6 = await dbNow();

    const at = (t: Date) => getBalance(db, userWalletCode(user), CNY, t);
    expect(await at(t0)).toMatchObject({ posted: 0n, pendingDebits: 0n, available: 0n });
    expect(await at(t1)).toMatchObject({ posted: 1_000n, pendingDebits: 0n, available: 1_000n });
    expect(await at(t2)).toMatchObject({ posted: 700n, pendingDebits: 0n, available: 700n });
    expect(await at(t3)).toMatchObject({ posted: 700n, pendingDebits: 200n, available: 500n });
    expect(await at(t4)).toMatchObject({ posted: 700n, pendingDebits: 0n, available: 700n });
    expect(await at(t5)).toMatchObject({ posted: 700n, pendingDebits: 100n, available: 600n });
    expect(await at(t6)).toMatchObject({ posted: 600n, pendingDebits: 0n, available: 600n });
    expect(await getBalance(db, userWalletCode(user), CNY)).toEqual(await at(t6));
    // The payee side: a pending credit shows as pending, not as posted.
    expect(await getBalance(db, userWalletCode(other), CNY, t5)).toMatchObject({ posted: 300n, pendingCredits: 100n });
    expect(await errorCode(getBalance(db, userWalletCode(newUser()), CNY))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('pages through an account history with a cursor and caps the limit', async () => {
    const user = newUser();
    await ensureAccounts(db, [{ code: userWalletCode(user), currency: CNY }]);
    const N = 130;
    const ops: LedgerOp[] = Array.from({ length: N }, (_, i) => ({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TOP_UP',
        postings: topUpPostings({ userId: user, amount: BigInt(i + 1), currency: CNY }),
        metadata: { n: String(i + 1) },
      }),
    }));
    expect((await applyLedgerOps(db, ops)).every((r) => r.ok)).toBe(true);
    // A pending hold is not a statement line.
    await createHold(db, withdrawal(user, 100n));

    const code = userWalletCode(user);
    const seen: bigint[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await getAccountHistory(db, code, CNY, { limit: 50, cursor });
      expect(page.lines.length).toBeLessThanOrEqual(50);
      for (const line of page.lines) {
        // Newest first; each line's balance is the running sum of 1..n.
        const n = BigInt(line.metadata.n!);
        expect(line.sequence).toBe(n);
        expect(line.amount).toBe(n);
        expect(line.balanceAfter).toBe((n * (n + 1n)) / 2n);
        expect(line.kind).toBe('TOP_UP');
        seen.push(line.sequence);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => BigInt(N - i)));

    const capped = await getAccountHistory(db, code, CNY, { limit: 1_000_000 });
    expect(capped.lines.length).toBe(HISTORY_MAX_LIMIT);
    expect(capped.nextCursor).not.toBeNull();
    const rest = await getAccountHistory(db, code, CNY, { limit: 1_000_000, cursor: capped.nextCursor });
    expect(rest.lines.length).toBe(N - HISTORY_MAX_LIMIT);
    expect(rest.nextCursor).toBeNull();
    expect((await getAccountHistory(db, code, CNY, { limit: 0 })).lines.length).toBe(1);
    expect((await getAccountHistory(db, code, CNY)).lines.length).toBeGreaterThan(0);

    expect(await errorCode(getAccountHistory(db, code, CNY, { cursor: 'garbage' }))).toBe('INVALID_CURSOR');
    expect(
      await errorCode(getAccountHistory(db, code, CNY, { cursor: Buffer.from('s1:-5').toString('base64url') })),
    ).toBe('INVALID_CURSOR');
  });
});
