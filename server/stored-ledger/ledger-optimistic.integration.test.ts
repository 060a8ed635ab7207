// The batcher's optimistic path (optimistic-transfers.ts) against a real PostgreSQL: calls of
// plain transfers written without ledger_apply, the database checking the funds on the locked
// rows. Each test ends with every invariant checked (gap-free sequences, running balances,
// cached balance = sum of postings, entries that balance, no overdraft).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  merchantBalanceCode,
  payFromBalancePostings,
  transferPostings,
  userWalletCode,
  type Currency,
} from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { expectLedgerInvariants, fundWallet } from './testing/ledger-test-helpers';
import {
  applyLedgerOps,
  ensureAccounts,
  ensurePlatformAccounts,
  getBalance,
  type LedgerOp,
  type LedgerOpResult,
} from './index';
import { LedgerBatcher } from './batching/ledger-batcher';

const CNY: Currency = 'CNY';
const db = testDb(8);
const run = randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const newUser = () => `o${run}${(seq++).toString(36)}`;
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
const transfer = (from: string, to: string, amount: bigint, metadata: Record<string, string> = {}): LedgerOp => ({
  type: 'transfer',
  entry: buildJournalEntry({
    kind: 'TRANSFER',
    postings: transferPostings({ fromUserId: from, toUserId: to, amount, currency: CNY }),
    metadata,
  }),
});
const posted = async (userId: string) => (await getBalance(db, userWalletCode(userId), CNY)).posted;

/** Runs `test` with a batcher on connections of its own (the optimistic path) and one slot, then closes it. */
async function withOneSlotBatcher(test: (batcher: LedgerBatcher) => Promise<void>): Promise<void> {
  const batcher = new LedgerBatcher(db, { connectionString: testDatabaseUrl(), maxInFlight: 1 });
  try {
    await test(batcher);
  } finally {
    await batcher.close();
  }
}

/** One call: a batcher with one slot sends whatever was submitted in the same tick together. */
async function oneCall(batcher: LedgerBatcher, ops: LedgerOp[]): Promise<LedgerOpResult[]> {
  return Promise.all(ops.map((op) => batcher.submit(op)));
}

const codes = (results: LedgerOpResult[]) => results.map((r) => (r.ok ? 'ok' : r.error.code));

describe('the batcher optimistic path', () => {
  it('writes a call of transfers in one round trip: an account named by several ops gets each step in order', async () => {
    const [a, b, c] = await Promise.all([fundedWallet(1_000n), fundedWallet(1_000n), fundedWallet(1_000n)]);
    await withOneSlotBatcher(async (batcher) => {
      await oneCall(batcher, [transfer(a, b, 1n)]);
      const before = { ...batcher.stats };
      const results = await oneCall(batcher, [
        transfer(a, b, 300n),
        transfer(b, c, 1_200n),
        transfer(c, a, 50n),
        transfer(a, c, 700n),
      ]);
      expect(codes(results)).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect(batcher.stats.optimisticBatches - before.optimisticBatches).toBe(1);
      expect(batcher.stats.optimisticFallbacks - before.optimisticFallbacks).toBe(0);
      expect(await posted(a)).toBe(1_000n - 1n - 300n + 50n - 700n);
      expect(await posted(b)).toBe(1_000n + 1n + 300n - 1_200n);
      expect(await posted(c)).toBe(1_000n + 1_200n - 50n + 700n);
      // a's postings of this call: sequence and running balance step by step
      const rows = await db.$queryRaw<{ amount: bigint; balance_after: bigint; account_seq: bigint }[]>`
        SELECT p.amount, p.balance_after, p.account_seq FROM ledger_postings p JOIN ledger_accounts la ON la.id = p.account_id
        WHERE la.code = ${userWalletCode(a)} ORDER BY p.account_seq DESC LIMIT 3`;
      expect(rows.map((r) => [r.amount, r.balance_after])).toEqual([
        [-700n, 49n],
        [50n, 749n],
        [-300n, 699n],
      ]);
      expect(rows[0]!.account_seq - rows[2]!.account_seq).toBe(2n);
    });
  });

  it('an estimate gone stale under another writer: the database refuses the write and ledger_apply answers exactly', async () => {
    const [w, x, y] = await Promise.all([fundedWallet(1_000n), fundedWallet(0n), fundedWallet(1_000n)]);
    await withOneSlotBatcher(async (batcher) => {
      expect(codes(await oneCall(batcher, [transfer(w, x, 10n)]))).toEqual(['ok']); // estimate: w holds 990
      // another writer (a use case on Prisma) takes most of it
      expect((await applyLedgerOps(db, [transfer(w, x, 890n)]))[0]!.ok).toBe(true);
      const before = { ...batcher.stats };
      // w: 100 - 500 is refused, although the call as a whole (100 - 500 + 600) would end above zero
      const results = await oneCall(batcher, [transfer(w, x, 500n), transfer(y, w, 600n)]);
      expect(codes(results)).toEqual(['INSUFFICIENT_FUNDS', 'ok']);
      const refused = results[0]!;
      expect(refused.ok ? undefined : refused.error).toMatchObject({ details: { available: '100', required: '500' } });
      expect(batcher.stats.optimisticFallbacks - before.optimisticFallbacks).toBe(1);
      expect(await posted(w)).toBe(700n);
      expect(await posted(x)).toBe(900n);
      // known again, and right: the whole of it can go
      expect(codes(await oneCall(batcher, [transfer(w, x, 700n)]))).toEqual(['ok']);
      expect(await posted(w)).toBe(0n);
    });
  });

  it('an op it expects refused, or naming an unknown account, goes to ledger_apply; the rest of the call is written; the next call skips the path', async () => {
    const [poor, rich, other] = await Promise.all([fundedWallet(100n), fundedWallet(1_000n), fundedWallet(0n)]);
    await withOneSlotBatcher(async (batcher) => {
      await oneCall(batcher, [transfer(poor, other, 1n), transfer(rich, other, 1n)]);
      const before = { ...batcher.stats };
      const results = await oneCall(batcher, [
        transfer(poor, other, 500n),
        transfer(rich, other, 10n),
        transfer(rich, `nobody${run}`, 10n),
      ]);
      expect(codes(results)).toEqual(['INSUFFICIENT_FUNDS', 'ok', 'ACCOUNT_NOT_FOUND']);
      expect(batcher.stats.optimisticBatches - before.optimisticBatches).toBe(1);
      expect(batcher.stats.optimisticFallbacks - before.optimisticFallbacks).toBe(1);
      expect(await posted(poor)).toBe(99n);
      expect(await posted(rich)).toBe(989n);
      expect(await posted(other)).toBe(12n);
      // after a fallback the next call skips the optimistic path; the one after tries it again
      const paused = { ...batcher.stats };
      expect(codes(await oneCall(batcher, [transfer(rich, other, 1n)]))).toEqual(['ok']);
      expect(batcher.stats.optimisticBatches).toBe(paused.optimisticBatches);
      expect(codes(await oneCall(batcher, [transfer(rich, other, 1n)]))).toEqual(['ok']);
      expect(batcher.stats.optimisticBatches).toBe(paused.optimisticBatches + 1);
    });
  });

  it('stores kind, metadata and the merchant credit as ledger_apply does', async () => {
    const payer = await fundedWallet(1_000n);
    const merchant = `om${run}`;
    await ensureAccounts(db, [{ code: merchantBalanceCode(merchant), currency: CNY }]);
    const metadata = { note: 'a "quoted" \\ {brace}, 中文', orderId: 'o-1' };
    await withOneSlotBatcher(async (batcher) => {
      const payment: LedgerOp = {
        type: 'transfer',
        entry: buildJournalEntry({
          kind: 'PAYMENT',
          postings: payFromBalancePostings({
            userId: payer,
            merchantId: merchant,
            amount: 250n,
            merchantFee: 0n,
            currency: CNY,
          }),
          metadata,
        }),
      };
      const [result] = await oneCall(batcher, [payment]);
      expect(result!.ok).toBe(true);
      expect(batcher.stats).toMatchObject({ optimisticBatches: 1, optimisticFallbacks: 0 });
      const entryId = result!.ok ? result!.entryId : '';
      const [entry] = await db.$queryRaw<
        { kind: string; status: string; metadata: unknown; scope: string; key: string | null }[]
      >`
        SELECT kind, status, metadata, idempotency_scope AS scope, idempotency_key AS key FROM journal_entries WHERE id = ${entryId}::uuid`;
      expect(entry).toEqual({ kind: 'PAYMENT', status: 'POSTED', metadata, scope: '', key: null });
      expect((await getBalance(db, merchantBalanceCode(merchant), CNY)).posted).toBe(250n);
    });
  });

  it('its SQL function is held to the same guards: postings that do not balance are refused at commit', async () => {
    const user = await fundedWallet(100n);
    const { rows } = await pool.query<{ id: string }>('SELECT id::text AS id FROM ledger_accounts WHERE code = $1', [
      userWalletCode(user),
    ]);
    const account = rows[0]!.id;
    const entry = randomUUID();
    const call = pool.query(
      `SELECT ledger_write_transfers($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        [account],
        ['5'],
        ['1'],
        [null],
        [entry],
        ['TRANSFER'],
        [''],
        ['{}'],
        [entry],
        [account],
        ['CNY'],
        ['5'],
        ['0'],
        ['0'],
      ],
    );
    await expect(call).rejects.toMatchObject({ code: 'LB001' });
    expect(await posted(user)).toBe(100n);
  });
});
