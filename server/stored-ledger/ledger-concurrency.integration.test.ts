// The ledger under concurrency, against a real PostgreSQL (docs/security.md: "Money is
// conserved", "No overdraft under races", "Conflicts are retried", "All or nothing").
// Every test goes through the app's real paths (the LedgerBatcher, postTransfer / createHold
// on the root client, applyLedgerOps inside a caller's transaction) and checks every ledger
// invariant afterwards.
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
import { checkLedgerInvariants, formatInvariantReport } from './check-invariants';
import { expectLedgerInvariants } from './testing/ledger-test-helpers';
import {
  applyLedgerOps,
  createHold,
  ensureAccounts,
  ensurePlatformAccounts,
  getBalance,
  postHold,
  postTransfer,
  voidHold,
  withRetry,
  type LedgerOp,
  type LedgerOpResult,
} from './index';
import { LedgerBatcher } from './batching/ledger-batcher';

const CNY: Currency = 'CNY';
const db = testDb(32);
const run = randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const newUser = (tag: string) => `c${run}${tag}${(seq++).toString(36)}`;

beforeAll(async () => {
  await ensurePlatformAccounts(db, CNY);
});
afterEach(() => expectLedgerInvariants(db));
afterAll(() => db.$disconnect());

// ---------------------------------------------------------------------------------------
// Helpers

type Outcome = { ok: true; entryId: string } | { ok: false; code: string; error: unknown };

/** Runs a call that returns a result or throws a typed error, as one outcome. */
async function outcome(call: () => Promise<LedgerOpResult | { entryId: string }>): Promise<Outcome> {
  try {
    const result = await call();
    if ('ok' in result && !result.ok) return { ok: false, code: result.error.code, error: result.error };
    return { ok: true, entryId: result.entryId };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, code: typeof code === 'string' ? code : 'THROWN', error };
  }
}

type Path = 'batcher' | 'root' | 'tx';

/** One op through one of the app's three paths. */
function submit(path: Path, batcher: LedgerBatcher, op: LedgerOp): Promise<Outcome> {
  switch (path) {
    case 'batcher':
      return outcome(() => batcher.submit(op));
    case 'root':
      return outcome(async () => {
        if (op.type === 'transfer') return postTransfer(db, op.entry);
        if (op.type === 'hold') return createHold(db, op.entry);
        if (op.type === 'postHold') return postHold(db, op.holdId);
        return voidHold(db, op.holdId);
      });
    case 'tx':
      // A use case composing the ledger into its own transaction, retried as a whole.
      return outcome(() =>
        withRetry(() =>
          db.$transaction(async (tx) => (await applyLedgerOps(tx, [op]))[0]!, { maxWait: 60_000, timeout: 60_000 }),
        ),
      );
  }
}

/** Creates wallets and funds each with `amount` by top-ups from the reserve. */
async function fundedWallets(tag: string, count: number, amount: bigint): Promise<string[]> {
  const users = Array.from({ length: count }, () => newUser(tag));
  await ensureAccounts(
    db,
    users.map((u) => ({ code: userWalletCode(u), currency: CNY })),
  );
  for (let i = 0; i < users.length; i += 500) {
    const ops: LedgerOp[] = users.slice(i, i + 500).map((userId) => ({
      type: 'transfer',
      entry: buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId, amount, currency: CNY }) }),
    }));
    const results = await applyLedgerOps(db, ops);
    expect(results.every((r) => r.ok)).toBe(true);
  }
  return users;
}

async function wallet(userId: string) {
  return getBalance(db, userWalletCode(userId), CNY);
}

function transferEntry(from: string, to: string, amount: bigint, metadata: Record<string, string> = {}): JournalEntry {
  return buildJournalEntry({
    kind: 'TRANSFER',
    postings: transferPostings({ fromUserId: from, toUserId: to, amount, currency: CNY }),
    metadata,
  });
}

const randInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function countEntries(where: string, ...params: unknown[]): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM journal_entries WHERE ${where}`,
    ...params,
  );
  return Number(rows[0]!.n);
}

async function entriesTouching(userId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT p.entry_id) AS n FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
    WHERE a.code = ${userWalletCode(userId)} AND a.currency = ${CNY}`;
  return Number(rows[0]!.n);
}

// ---------------------------------------------------------------------------------------

describe('ledger under concurrency', () => {
  // The batcher through Prisma (ledger_apply for every call), and on connections of its own,
  // where calls of plain transfers take the optimistic path while the root and transaction
  // paths change the same accounts under it (its estimates go stale: it must fall back).
  it.each([
    ['through Prisma', false],
    ['on its own connections (optimistic path)', true],
  ])(
    'conserves money: 10,000 transfers among 50 accounts from 64 workers, a fifth overdrawing (batcher %s)',
    async (_, own) => {
      const ACCOUNTS = 50;
      const TRANSFERS = 10_000;
      const WORKERS = 64;
      const FUND = 100_000n;
      const users = await fundedWallets('m', ACCOUNTS, FUND);
      const codes = users.map(userWalletCode);
      const total = FUND * BigInt(ACCOUNTS);
      const expected = new Map(users.map((u) => [u, FUND]));
      const batcher = own ? new LedgerBatcher(db, { connectionString: testDatabaseUrl() }) : new LedgerBatcher(db);
      const tag = `mass-${run}-${own ? 'own' : 'prisma'}`;

      // Snapshots from another connection while the workers run: each statement sees one
      // committed state, in which the sums must hold and nothing may be overdrawn.
      const observer = new pg.Client({ connectionString: testDatabaseUrl() });
      await observer.connect();
      let done = false;
      const snapshots: { all: bigint; ours: bigint; postings: bigint; overdrawn: number }[] = [];
      const midRunReports: string[] = [];
      const watch = (async () => {
        let lastFull = Date.now();
        while (!done) {
          const { rows } = await observer.query<{ all: string; ours: string; postings: string; overdrawn: string }>(
            `SELECT (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE currency = 'CNY')::text AS all,
                  (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE currency = 'CNY' AND code = ANY($1))::text AS ours,
                  (SELECT coalesce(sum(amount), 0) FROM ledger_postings WHERE currency = 'CNY' AND NOT pending)::text AS postings,
                  (SELECT count(*) FROM ledger_accounts WHERE NOT may_go_negative AND balance - pending_debits < 0)::text AS overdrawn`,
            [codes],
          );
          const r = rows[0]!;
          snapshots.push({
            all: BigInt(r.all),
            ours: BigInt(r.ours),
            postings: BigInt(r.postings),
            overdrawn: Number(r.overdrawn),
          });
          if (Date.now() - lastFull > 1_500) {
            // The full check in one REPEATABLE READ snapshot, mid-run.
            const report = await checkLedgerInvariants(db);
            midRunReports.push(report.ok ? 'ok' : formatInvariantReport(report));
            lastFull = Date.now();
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      })();

      const paths: Path[] = ['batcher', 'root', 'tx'];
      const counts = { ok: 0, insufficient: 0, certainFailOk: 0, big: 0 };
      const byPath = { batcher: 0, root: 0, tx: 0 };
      const unexpected: string[] = [];
      let issued = 0;
      const worker = async (w: number) => {
        const path = paths[w % paths.length]!;
        while (issued < TRANSFERS) {
          issued += 1;
          const from = pick(users);
          let to = pick(users);
          while (to === from) to = pick(users);
          const roll = Math.random();
          let amount: bigint;
          let certainFail = false;
          if (roll < 0.1) {
            // More than all 50 accounts hold together: must be refused.
            amount = total + BigInt(randInt(1, 1_000_000));
            certainFail = true;
          } else if (roll < 0.2) {
            // Just above what the payer holds as far as this process knows (racy on purpose: a
            // debit that rests on a credit may be acknowledged first, so the figure can dip below 0).
            const known = expected.get(from)!;
            amount = (known > 0n ? known : 0n) + BigInt(randInt(1, 500));
          } else {
            amount = BigInt(randInt(1, 20_000));
          }
          if (roll < 0.2) counts.big += 1;
          const result = await submit(path, batcher, {
            type: 'transfer',
            entry: transferEntry(from, to, amount, { test: tag }),
          });
          byPath[path] += 1;
          if (result.ok) {
            counts.ok += 1;
            if (certainFail) counts.certainFailOk += 1;
            expected.set(from, expected.get(from)! - amount);
            expected.set(to, expected.get(to)! + amount);
          } else if (result.code === 'INSUFFICIENT_FUNDS') {
            counts.insufficient += 1;
          } else {
            unexpected.push(`${path}: ${result.code}: ${String(result.error)}`);
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
        await batcher.close();
      } finally {
        done = true;
        await watch;
        await observer.end();
      }

      console.info(
        `10k transfers: ${counts.ok} posted, ${counts.insufficient} refused for funds (${counts.big} oversized), by path ${JSON.stringify(byPath)}; ` +
          `batcher ${batcher.stats.batches} batches (largest ${batcher.stats.largestBatch}, ${batcher.stats.retries} retries, ` +
          `${batcher.stats.optimisticBatches} optimistic, ${batcher.stats.optimisticFallbacks} fell back); ` +
          `${snapshots.length} snapshots and ${midRunReports.length} full checks during the run`,
      );
      expect(unexpected.slice(0, 5)).toEqual([]);
      expect(counts.ok + counts.insufficient).toBe(TRANSFERS);
      expect(counts.certainFailOk).toBe(0);
      expect(counts.big).toBeGreaterThanOrEqual(TRANSFERS * 0.15);
      expect(counts.insufficient).toBeGreaterThanOrEqual(TRANSFERS * 0.1);
      expect(Object.values(byPath).every((n) => n > 1_000)).toBe(true);
      if (own) {
        // both the optimistic write and its fallback to ledger_apply were exercised
        expect(batcher.stats.optimisticBatches).toBeGreaterThan(0);
        expect(batcher.stats.optimisticFallbacks).toBeGreaterThan(0);
      }

      // Every success stored once, every refusal left nothing; balances match what was acknowledged.
      expect(await countEntries(`metadata->>'test' = $1`, tag)).toBe(counts.ok);
      let sum = 0n;
      for (const u of users) {
        const balance = await wallet(u);
        expect(balance.posted, u).toBe(expected.get(u));
        expect(balance.posted).toBeGreaterThanOrEqual(0n);
        expect(balance.pendingDebits).toBe(0n);
        sum += balance.posted;
      }
      expect(sum).toBe(total);

      expect(snapshots.length).toBeGreaterThan(10);
      for (const s of snapshots) {
        expect(s).toEqual({ all: 0n, ours: total, postings: 0n, overdrawn: 0 });
      }
      expect(midRunReports.length).toBeGreaterThan(0);
      expect(midRunReports.filter((r) => r !== 'ok')).toEqual([]);
    },
  );

  it('200 concurrent withdrawals of the whole balance: exactly one succeeds (20 rounds)', async () => {
    const AMOUNT = 100_000n;
    const FEE = computeFee(AMOUNT, WITHDRAWAL_FEE);
    const WHOLE = AMOUNT + FEE;
    const batcher = new LedgerBatcher(db);
    const paths: Path[] = ['batcher', 'root', 'tx'];
    for (let round = 0; round < 20; round++) {
      const [user] = await fundedWallets('w', 1, WHOLE);
      const entry = () =>
        buildJournalEntry({
          kind: 'WITHDRAWAL',
          postings: withdrawalPostings({ userId: user!, amount: AMOUNT, fee: FEE, currency: CNY }),
        });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          submit(paths[(i + round) % paths.length]!, batcher, { type: 'hold', entry: entry() }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      const codes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)));
      expect(winners.length, `round ${round}`).toBe(1);
      expect([...codes]).toEqual(['INSUFFICIENT_FUNDS']);

      const held = await wallet(user!);
      expect(held).toMatchObject({ posted: WHOLE, pendingDebits: WHOLE, available: 0n });

      // The bank confirms: the hold is posted once; the wallet is empty.
      const posted = await postHold(batcher, winners[0]!.ok ? winners[0]!.entryId : '');
      expect(posted.status).toBe('POSTED');
      expect(await wallet(user!)).toMatchObject({ posted: 0n, pendingDebits: 0n, available: 0n });
      // The 199 refused requests wrote nothing: top-up, hold and its posting only.
      expect(await entriesTouching(user!), `round ${round}`).toBe(3);
    }
    await batcher.close();
  });

  it('post and void of the same hold raced 200 times: exactly one wins each time', async () => {
    const AMOUNT = 1_000n;
    const FEE = computeFee(AMOUNT, WITHDRAWAL_FEE);
    const ROUNDS = 200;
    const LANES = 10;
    const [user] = await fundedWallets('r', 1, (AMOUNT + FEE) * BigInt(ROUNDS));
    const batcher = new LedgerBatcher(db);
    const paths: Path[] = ['batcher', 'root', 'tx'];
    let postsWon = 0;
    let voidsWon = 0;
    const failures: string[] = [];

    const lane = async (l: number) => {
      for (let round = l; round < ROUNDS; round += LANES) {
        const hold = await createHold(
          batcher,
          buildJournalEntry({
            kind: 'WITHDRAWAL',
            postings: withdrawalPostings({ userId: user!, amount: AMOUNT, fee: FEE, currency: CNY }),
          }),
        );
        const postPath = paths[round % 3]!;
        const voidPath = paths[Math.floor(round / 3) % 3]!;
        // Alternate which request starts first (a promise starts when it is created).
        const startPost = () => submit(postPath, batcher, { type: 'postHold', holdId: hold.entryId });
        const startVoid = () => submit(voidPath, batcher, { type: 'voidHold', holdId: hold.entryId });
        const postFirst = round % 2 === 0;
        const [first, second] = postFirst ? [startPost(), startVoid()] : [startVoid(), startPost()];
        const [a, b] = await Promise.all([first, second]);
        const [post, voided] = postFirst ? [a, b] : [b, a];
        if (post.ok === voided.ok) {
          failures.push(`round ${round}: post ${post.ok ? 'ok' : post.code}, void ${voided.ok ? 'ok' : voided.code}`);
          continue;
        }
        const loser = post.ok ? voided : post;
        if (!loser.ok && loser.code !== 'HOLD_NOT_PENDING')
          failures.push(`round ${round}: loser failed with ${loser.code}`);
        if (post.ok) postsWon += 1;
        else voidsWon += 1;

        const rows = await db.$queryRaw<{ status: string; children: bigint }[]>`
          SELECT e.status::text AS status,
                 (SELECT count(*) FROM journal_entries c WHERE c.hold_id = e.id AND c.status::text = 'POSTED') AS children
          FROM journal_entries e WHERE e.id = ${hold.entryId}::uuid`;
        const expectedChildren = post.ok ? 1n : 0n;
        if (rows[0]?.children !== expectedChildren || (!post.ok && rows[0]?.status !== 'VOIDED')) {
          failures.push(
            `round ${round}: hold ${JSON.stringify(rows[0], (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));
    await batcher.close();

    expect(failures).toEqual([]);
    expect(postsWon + voidsWon).toBe(ROUNDS);
    const balance = await wallet(user!);
    expect(balance.pendingDebits).toBe(0n);
    expect(balance.posted).toBe((AMOUNT + FEE) * BigInt(ROUNDS - postsWon));
  });

  it('1,000 transfers on 2 hot accounts through batchers: no unexpected error, conflicts retried', async () => {
    const [a, b] = await fundedWallets('h', 2, 1_000_000n);
    // Two batchers: two app processes hitting the same two rows.
    const batchers = [new LedgerBatcher(db), new LedgerBatcher(db, { maxInFlight: 4 })];
    const expected = new Map([
      [a!, 1_000_000n],
      [b!, 1_000_000n],
    ]);
    const errors: string[] = [];
    let issued = 0;
    const worker = async (w: number) => {
      while (issued < 1_000) {
        const i = issued++;
        const [from, to] = i % 2 ? [a!, b!] : [b!, a!];
        const amount = BigInt(randInt(1, 1_000));
        const result = await outcome(() =>
          batchers[w % 2]!.submit({ type: 'transfer', entry: transferEntry(from, to, amount) }),
        );
        if (!result.ok) errors.push(`${result.code}: ${String(result.error)}`);
        else {
          expected.set(from, expected.get(from)! - amount);
          expected.set(to, expected.get(to)! + amount);
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, (_, w) => worker(w)));
    await Promise.all(batchers.map((x) => x.close()));

    expect(errors).toEqual([]);
    expect((await wallet(a!)).posted).toBe(expected.get(a!));
    expect((await wallet(b!)).posted).toBe(expected.get(b!));
    expect(batchers.reduce((n, x) => n + x.stats.ops, 0)).toBe(1_000);
  });
});
