// ledger_apply's two input forms, its idempotency claims and the batcher's own connections,
// against a real PostgreSQL. Every invariant is checked after each test.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
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
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { encodeBatch, type SendableLedgerOp } from './apply-ledger-ops';
import { expectLedgerInvariants, fundWallet } from './testing/ledger-test-helpers';
import {
  applyLedgerOps,
  createHold,
  ensureAccounts,
  ensurePlatformAccounts,
  expireHolds,
  getBalance,
  postTransfer,
  prepareLedgerOp,
  type LedgerOp,
} from './index';
import { LedgerBatcher } from './batching/ledger-batcher';

const CNY: Currency = 'CNY';
const db = testDb(16);
const run = randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const newUser = (tag = 'a') => `p${run}${tag}${(seq++).toString(36)}`;
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });

beforeAll(async () => {
  await ensurePlatformAccounts(db, CNY);
});
afterEach(() => expectLedgerInvariants(db));
afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});

const fundedWallet = (amount: bigint) => fundWallet(db, newUser(), amount, CNY);

function transfer(from: string, to: string, amount: bigint, idempotencyKey?: string): JournalEntry {
  return buildJournalEntry({
    kind: 'TRANSFER',
    postings: transferPostings({ fromUserId: from, toUserId: to, amount, currency: CNY }),
    idempotencyKey,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs ledger_apply on `payload` in a transaction that is rolled back; its answer. */
async function applyRolledBack(payload: string): Promise<unknown> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ r: unknown }>('SELECT ledger_apply($1::jsonb) AS r', [payload]);
    return rows[0]!.r;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** SQLSTATE of a ledger_apply call that must fail as a whole. */
async function applyFails(payload: string): Promise<string> {
  try {
    await applyRolledBack(payload);
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  return 'ACCEPTED';
}

describe('ledger_apply input forms', () => {
  it('answers the columnar batch exactly as the array of ops, malformed ops included', async () => {
    const payer = await fundedWallet(1_000n);
    const payee = await fundedWallet(0n);
    const [a, b] = [userWalletCode(payer), userWalletCode(payee)];
    // Written by hand: shapes prepareLedgerOp would refuse before they reach the database.
    const posting = (c: string | null, cur: string, amount: string, id: string | null = null) => ({
      c,
      id,
      cur,
      a: amount,
    });
    type RawOp = {
      t: string | null;
      kind?: string;
      key?: string | null;
      hash?: string | null;
      exp?: number | null;
      hold?: string | null;
      p?: ReturnType<typeof posting>[];
    };
    const ops: RawOp[] = [
      { t: 'transfer', kind: 'TRANSFER', p: [posting(a, 'CNY', '-100'), posting(b, 'CNY', '100')] },
      { t: 'transfer', kind: 'TRANSFER', p: [posting(a, 'CNY', '-100')] },
      { t: 'transfer', kind: 'TRANSFER', p: [] },
      { t: 'transfer', kind: 'TRANSFER', p: [posting(a, 'CNY', '0'), posting(b, 'CNY', '0')] },
      { t: 'transfer', kind: 'TRANSFER', p: [posting(a, 'CNY', '-100'), posting(b, 'CNY', '99')] },
      {
        t: 'transfer',
        kind: 'TRANSFER',
        p: [posting(a, 'CNY', '-100'), posting(b, 'USD', '100'), posting(b, 'CNY', '100'), posting(a, 'USD', '-90')],
      },
      { t: 'transfer', kind: 'TRANSFER', key: 'k1', hash: null, p: [posting(a, 'CNY', '-1'), posting(b, 'CNY', '1')] },
      { t: 'transfer', kind: 'TRANSFER', p: [posting(a, 'CNY', '-5000'), posting(b, 'CNY', '5000')] },
      { t: 'transfer', kind: 'TRANSFER', p: [posting('user:nobody:wallet', 'CNY', '-1'), posting(b, 'CNY', '1')] },
      {
        t: 'hold',
        kind: 'WITHDRAWAL',
        exp: 60,
        p: [posting(a, 'CNY', '-300'), posting('platform:bank:reserve', 'CNY', '300')],
      },
      { t: 'postHold', hold: 'not-a-uuid' },
      { t: 'voidHold', hold: '0190b3a0-0000-7000-8000-000000000000' },
      { t: 'bogus' },
      { t: null },
    ];
    const arrayForm = JSON.stringify(
      ops.map((o) => ({
        t: o.t,
        kind: o.kind,
        scope: '',
        key: o.key ?? null,
        hash: o.hash ?? null,
        meta: {},
        exp: o.exp ?? null,
        hold: o.hold,
        p: o.p,
      })),
    );
    const postings = ops.flatMap((o) => o.p ?? []);
    const columnar = JSON.stringify({
      t: ops.map((o) => o.t),
      kind: ops.map((o) => o.kind ?? null),
      scope: ops.map(() => ''),
      key: ops.map((o) => o.key ?? null),
      hash: ops.map((o) => o.hash ?? null),
      meta: ops.map(() => ({})),
      exp: ops.map((o) => o.exp ?? null),
      hold: ops.map((o) => o.hold ?? null),
      pn: ops.map((o) => o.p?.length ?? 0),
      c: postings.map((p) => p.c),
      id: postings.map((p) => p.id),
      cur: postings.map((p) => p.cur),
      a: postings.map((p) => p.a),
    });
    const fromArray = (await applyRolledBack(arrayForm)) as Record<string, unknown>[];
    const col = (await applyRolledBack(columnar)) as {
      id: (string | null)[];
      st: (string | null)[];
      rp: boolean[];
      err: unknown[];
    };
    const fromColumnar = col.id.map((id, i) => col.err[i] ?? { ok: true, id, status: col.st[i], replayed: col.rp[i] });
    const withoutIds = (results: unknown[]) =>
      results.map((r) => ({ ...(r as object), id: typeof (r as { id?: unknown }).id === 'string' ? 'ID' : undefined }));
    expect(withoutIds(fromColumnar)).toEqual(withoutIds(fromArray));
    expect(fromArray.map((r) => (r.ok ? r.status : (r.reason ?? r.code)))).toEqual([
      'POSTED',
      'TOO_FEW_POSTINGS',
      'TOO_FEW_POSTINGS',
      'ZERO_POSTING',
      'UNBALANCED_ENTRY',
      'UNBALANCED_ENTRY',
      'INVALID_IDEMPOTENCY_KEY',
      'INSUFFICIENT_FUNDS',
      'ACCOUNT_NOT_FOUND',
      'PENDING',
      'HOLD_NOT_PENDING',
      'HOLD_NOT_PENDING',
      'UNKNOWN_OP',
      'UNKNOWN_OP',
    ]);
    expect(fromArray[5]).toMatchObject({ currency: 'USD', difference: '10' });
  });

  it('refuses a columnar batch whose arrays do not line up, as a whole (22023)', async () => {
    const user = await fundedWallet(0n);
    const ok = prepareLedgerOp({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TOP_UP',
        postings: topUpPostings({ userId: user, amount: 5n, currency: CNY }),
      }),
    }) as SendableLedgerOp;
    const batch = JSON.parse(encodeBatch([ok])) as Record<string, unknown[]>;
    expect(await applyFails(JSON.stringify({ ...batch, kind: [] }))).toBe('22023');
    expect(await applyFails(JSON.stringify({ ...batch, pn: [3] }))).toBe('22023');
    expect(await applyFails(JSON.stringify({ ...batch, cur: ['CNY'] }))).toBe('22023');
    expect(await applyRolledBack(JSON.stringify({ ...batch, pn: [2] }))).toMatchObject({ st: ['POSTED'] });
    expect(await applyRolledBack('{}')).toEqual({ id: [], st: [], rp: [], err: [] });
    expect(await applyRolledBack('[]')).toEqual([]);
  });
});

describe('idempotency keys in flight', () => {
  it('a key still being applied by another transaction is IDEMPOTENCY_IN_PROGRESS, then conflicts or replays', async () => {
    const [payer, payee, other, third] = await Promise.all([
      fundedWallet(10_000n),
      fundedWallet(0n),
      fundedWallet(10_000n),
      fundedWallet(0n),
    ]);
    const key = `inflight-${randomUUID()}`;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const first = prepareLedgerOp({
        type: 'transfer',
        entry: transfer(payer, payee, 100n, key),
        idempotencyScope: 's',
      }) as SendableLedgerOp;
      const { rows } = await client.query<{ r: { st: string[] } }>('SELECT ledger_apply($1::jsonb) AS r', [
        encodeBatch([first]),
      ]);
      expect(rows[0]!.r.st).toEqual(['POSTED']);

      // Same key, other accounts (none locked by the first): answered at once, not after the
      // first transaction ends.
      const batcher = new LedgerBatcher(db);
      const started = performance.now();
      const busy = await batcher.submit({
        type: 'transfer',
        entry: transfer(other, third, 100n, key),
        idempotencyScope: 's',
      });
      expect(busy.ok ? 'ok' : busy.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(performance.now() - started).toBeLessThan(2_000);
      // Another scope is another key.
      const otherScope = await batcher.submit({
        type: 'transfer',
        entry: transfer(other, third, 100n, key),
        idempotencyScope: 't',
      });
      expect(otherScope.ok).toBe(true);

      // The same request waits for the first one's accounts, then replays it.
      const duplicate = postTransfer(db, transfer(payer, payee, 100n, key), { idempotencyScope: 's' });
      await sleep(200);
      await client.query('COMMIT');
      expect(await duplicate).toMatchObject({ replayed: true });
      const late = await batcher.submit({
        type: 'transfer',
        entry: transfer(other, third, 100n, key),
        idempotencyScope: 's',
      });
      expect(late.ok ? 'ok' : late.error.code).toBe('IDEMPOTENCY_CONFLICT');
      await batcher.close();
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
    expect((await getBalance(db, userWalletCode(payer), CNY)).posted).toBe(9_900n);
    expect((await getBalance(db, userWalletCode(payee), CNY)).posted).toBe(100n);
    expect((await getBalance(db, userWalletCode(third), CNY)).posted).toBe(100n);
  });
});

describe('the commit-time entry check', () => {
  it('accepts a balanced entry in two currencies and refuses one balanced only in total', async () => {
    await ensurePlatformAccounts(db, 'USD');
    const [a, b] = [newUser(), newUser()];
    await ensureAccounts(
      db,
      [a, b].flatMap((u) => [
        { code: userWalletCode(u), currency: CNY },
        { code: userWalletCode(u), currency: 'USD' as Currency },
      ]),
    );
    await postTransfer(
      db,
      buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: a, amount: 1_000n, currency: CNY }) }),
    );
    await postTransfer(
      db,
      buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: b, amount: 1_000n, currency: 'USD' }) }),
    );
    // A swap: a pays b 100 CNY, b pays a 50 USD, in one entry.
    const swap = buildJournalEntry({
      kind: 'ADJUSTMENT',
      postings: [
        { accountCode: userWalletCode(a), currency: CNY, amount: -100n },
        { accountCode: userWalletCode(b), currency: CNY, amount: 100n },
        { accountCode: userWalletCode(b), currency: 'USD', amount: -50n },
        { accountCode: userWalletCode(a), currency: 'USD', amount: 50n },
      ],
    });
    const [result] = await applyLedgerOps(db, [{ type: 'transfer', entry: swap }]);
    expect(result).toMatchObject({ ok: true, status: 'POSTED' });
    expect((await getBalance(db, userWalletCode(a), 'USD')).posted).toBe(50n);

    // Raw SQL: CNY -100 / CNY +50 / USD +50 sums to zero, but not per currency.
    const client = await pool.connect();
    let state = 'ACCEPTED';
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO journal_entries (id, kind, status) VALUES (uuidv7(), 'ADJUSTMENT', 'POSTED') RETURNING id::text`,
      );
      await client.query(
        `INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
         SELECT uuidv7(), $1::uuid, la.id, v.cur, v.amt, false, 1000001, 0
         FROM (VALUES ($2, 'CNY', -100), ($3, 'CNY', 50), ($3, 'USD', 50)) AS v(code, cur, amt)
         JOIN ledger_accounts la ON la.code = v.code AND la.currency = v.cur`,
        [rows[0]!.id, userWalletCode(a), userWalletCode(b)],
      );
      await client.query('COMMIT');
    } catch (error) {
      state = String((error as { code?: unknown }).code);
      await client.query('ROLLBACK').catch(() => {});
    } finally {
      client.release();
    }
    expect(state).toBe('LB001');
  });
});

describe('hold expiry', () => {
  it('skips a hold another transaction has locked instead of waiting for it', async () => {
    const user = await fundedWallet(10_000n);
    const amount = 1_000n;
    const entry = buildJournalEntry({
      kind: 'WITHDRAWAL',
      postings: withdrawalPostings({ userId: user, amount, fee: computeFee(amount, WITHDRAWAL_FEE), currency: CNY }),
    });
    const hold = await createHold(db, entry, { expiresInSeconds: 1 });
    for (;;) {
      const [row] = await db.$queryRaw<{ expired: boolean }[]>`
        SELECT expires_at <= now() AS expired FROM journal_entries WHERE id = ${hold.entryId}::uuid`;
      if (row!.expired) break;
      await sleep(100);
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM journal_entries WHERE id = $1 FOR UPDATE', [hold.entryId]);
      const started = performance.now();
      const voidedWhileLocked = await expireHolds(db);
      expect(performance.now() - started).toBeLessThan(2_000);
      const [row] = await db.$queryRaw<
        { status: string }[]
      >`SELECT status FROM journal_entries WHERE id = ${hold.entryId}::uuid`;
      expect(row!.status).toBe('PENDING');
      expect(voidedWhileLocked).toBeGreaterThanOrEqual(0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await expireHolds(db)).toBeGreaterThanOrEqual(1);
    const [row] = await db.$queryRaw<
      { status: string }[]
    >`SELECT status FROM journal_entries WHERE id = ${hold.entryId}::uuid`;
    expect(row!.status).toBe('VOIDED');
    expect(await getBalance(db, userWalletCode(user), CNY)).toMatchObject({ posted: 10_000n, pendingDebits: 0n });
  });
});

describe('the batcher on node-postgres connections of its own', () => {
  it.each(['connectionString', 'pool'] as const)('applies and refuses exactly as through Prisma (%s)', async (how) => {
    const users = await Promise.all(Array.from({ length: 6 }, () => fundedWallet(1_000n)));
    const own = how === 'pool' ? { pool } : { connectionString: testDatabaseUrl() };
    const batcher = new LedgerBatcher(db, { ...own, maxInFlight: 3, spreadOverSlots: true });
    const ops: LedgerOp[] = [];
    for (let i = 0; i < 120; i++) {
      const from = users[i % users.length]!;
      const to = users[(i + 1) % users.length]!;
      ops.push({ type: 'transfer', entry: transfer(from, to, i % 10 === 0 ? 5_000n : 10n) });
    }
    const results = await Promise.all(ops.map((op) => batcher.submit(op)));
    await batcher.close();
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(
      Array(12).fill('INSUFFICIENT_FUNDS'),
    );
    expect(batcher.stats.ops).toBe(120);
    const balances = await Promise.all(users.map((u) => getBalance(db, userWalletCode(u), CNY)));
    expect(balances.reduce((s, b) => s + b.posted, 0n)).toBe(6_000n);
    // The same ops through applyLedgerOps on Prisma agree on the refusals.
    const again = await applyLedgerOps(db, ops.slice(0, 20));
    expect(again.filter((r) => !r.ok).length).toBe(2);
  });
});
