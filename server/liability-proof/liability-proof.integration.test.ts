// The daily proof of liabilities on a database of its own (so every liability in it is one of
// these scenarios'): the root's sum against the ledger at an instant with money moving on both
// sides of it; every account's proof verifies against the published key; the daily build is
// idempotent, chained to the day before, alerts on failure and on a short reserve; roots
// cannot be changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  DEFAULT_CURRENCY,
  merchantBalanceCode,
  payFromBalancePostings,
  transferPostings,
} from '@/ledger';
import { verifyLiabilityProof } from '@/lib/liability-proof/liability-proof';
import { shanghaiDate } from '@/lib/time/shanghai-day';
import { createFreshDatabase, type FreshDatabase } from '../../scripts/db/test-database';
import { createDb, type Db } from '../db';
import { previousBusinessDate, todayBusinessDate } from '../reconciliation/business-date';
import { publishedSigningKeys } from '../signing/published-signing-keys';
import { ensureAccounts, postTransfer } from '../stored-ledger';
import { expectLedgerInvariants, fundWallet } from '../stored-ledger/testing/ledger-test-helpers';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { buildDailyProof } from './build-daily-proof';
import { buildLiabilityTree } from './build-liability-tree';
import { getAccountProof } from './get-account-proof';
import { ProofNeedsReconciliationError } from './liability-proof-errors';
import { listProofAlerts, listProofRoots } from './read-proof-roots';

let database: FreshDatabase;
let db: Db;
const users: { id: string }[] = [];
const merchantId = 'proof-test-merchant';
const today = todayBusinessDate();
const yesterday = previousBusinessDate();
/** A moment tomorrow: "today" has ended for the builds that take it as their clock. */
const tomorrow = new Date(Date.now() + 86_400_000);

beforeAll(async () => {
  database = await createFreshDatabase('liability_proof');
  db = createDb(database.url, 5);
  for (let i = 0; i < 5; i++) users.push(await createTestUser(db, `证明用户${i}`));
  await ensureAccounts(db, [{ code: merchantBalanceCode(merchantId), currency: DEFAULT_CURRENCY }]);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function liabilityTotalNow(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT coalesce(sum(balance), 0)::bigint AS total FROM ledger_accounts
    WHERE kind IN ('USER_WALLET', 'MERCHANT_BALANCE')`;
  return BigInt(row!.total);
}

async function pay(userId: string, amount: bigint) {
  await postTransfer(
    db,
    buildJournalEntry({
      kind: 'PAYMENT',
      postings: payFromBalancePostings({ userId, merchantId, amount, merchantFee: 6n, currency: DEFAULT_CURRENCY }),
    }),
  );
}

async function reconciled(date: string, bankClosingBalance: bigint) {
  await db.reconciliationRun.create({
    data: {
      businessDate: date,
      currency: DEFAULT_CURRENCY,
      status: 'COMPLETED',
      trigger: 'SCHEDULED',
      bankClosingBalance,
      durationMs: 1,
      startedAt: new Date(),
    },
  });
}

describe('the tree against the ledger', () => {
  it('sums exactly the liabilities at the instant, with money moving on both sides of it', async () => {
    // Before the instant: top-ups, a payment to the merchant, a transfer.
    for (const [i, u] of users.entries()) await fundWallet(db, u.id, 10_000n + BigInt(i) * 1_234n);
    await pay(users[0]!.id, 2_500n);
    await postTransfer(
      db,
      buildJournalEntry({
        kind: 'TRANSFER',
        postings: transferPostings({
          fromUserId: users[1]!.id,
          toUserId: users[2]!.id,
          amount: 777n,
          currency: DEFAULT_CURRENCY,
        }),
      }),
    );
    const totalBefore = await liabilityTotalNow();
    const [{ at }] = (await db.$queryRaw<{ at: Date }[]>`SELECT clock_timestamp() AS at`) as [{ at: Date }];
    const instant = new Date(at.getTime() + 1);
    await new Promise((r) => setTimeout(r, 20));

    // After it: another top-up, a payment, and an account opened later.
    await fundWallet(db, users[3]!.id, 5_000n);
    await pay(users[4]!.id, 1_000n);
    const late = await createTestUser(db, '后开户');
    await fundWallet(db, late.id, 300n);

    const { tree, leaves } = await buildLiabilityTree(db, '2026-12-06', DEFAULT_CURRENCY, instant);
    expect(tree.root.sum).toBe(totalBefore);
    expect(totalBefore).toBe(10_000n * 5n + 1_234n * 10n - 6n); // only the merchant fee left the liabilities
    expect(leaves).toHaveLength(users.length + 1); // 5 wallets + the merchant; not the late account
    expect(leaves.map((l) => l.accountId)).not.toContain(
      (await db.ledgerAccount.findFirst({ where: { ownerId: late.id } }))!.id,
    );
    // Today's full tree matches the ledger as it stands now.
    const now = await buildLiabilityTree(db, today, DEFAULT_CURRENCY, new Date(Date.now() + 60_000));
    expect(now.tree.root.sum).toBe(await liabilityTotalNow());
    expect(now.leaves).toHaveLength(users.length + 2);
    await expectLedgerInvariants(db);
  });
});

describe('the daily build', () => {
  it('fails and alerts without a reconciled reserve; builds once, chained, when run twice at once', async () => {
    await expect(buildDailyProof({ db }, { date: yesterday, trigger: 'SCHEDULED' })).rejects.toBeInstanceOf(
      ProofNeedsReconciliationError,
    );
    expect((await listProofAlerts(db)).failedBuilds).toEqual([
      expect.objectContaining({ date: yesterday, error: 'PROOF_NEEDS_RECONCILIATION' }),
    ]);

    await reconciled(yesterday, 0n);
    const first = await buildDailyProof({ db }, { date: yesterday, trigger: 'SCHEDULED' });
    expect(first).toMatchObject({ created: true, date: yesterday, leafCount: 0, totalLiabilities: 0n });
    expect((await listProofAlerts(db)).failedBuilds).toEqual([]);

    // Today, as the job would build it tomorrow: two at once build one root.
    const total = await liabilityTotalNow();
    await reconciled(today, total - 1n);
    const both = await Promise.all([
      buildDailyProof({ db }, { date: today, trigger: 'SCHEDULED' }, tomorrow),
      buildDailyProof({ db }, { date: today, trigger: 'SCHEDULED' }, tomorrow),
    ]);
    expect(both.map((b) => b.created).sort()).toEqual([false, true]);
    expect(both[0]!.rootHash).toBe(both[1]!.rootHash);
    expect(both[0]).toMatchObject({ totalLiabilities: total, leafCount: users.length + 2, difference: -1n });
    expect(await db.liabilityProofRoot.count()).toBe(2);

    const [newest, older] = await listProofRoots(db);
    expect(newest).toMatchObject({ date: today, previousDate: yesterday, previousRootHash: older!.rootHash });
    expect([newest!.linkHolds, older!.linkHolds]).toEqual([true, true]);
    // The reserve is one fen short of liabilities: the admin is alerted.
    expect((await listProofAlerts(db)).shortfalls).toEqual([{ date: today, difference: -1n }]);
    // A day before the chain's last root cannot be slotted in behind it; a day not over cannot be built.
    const dayBefore = shanghaiDate(new Date(Date.now() - 2 * 86_400_000));
    await expect(buildDailyProof({ db }, { date: dayBefore, trigger: 'SCHEDULED' })).rejects.toMatchObject({
      code: 'INVALID_BUSINESS_DATE',
    });
    await expect(buildDailyProof({ db }, { date: today, trigger: 'SCHEDULED' })).rejects.toMatchObject({
      code: 'INVALID_BUSINESS_DATE',
    });
  });

  it("every account's downloaded proof verifies against the published key; a changed balance does not", async () => {
    const keys = await publishedSigningKeys();
    for (const u of users) {
      const proof = await getAccountProof(db, u.id, today);
      const balance = (await db.ledgerAccount.findFirst({ where: { ownerId: u.id } }))!.balance;
      expect(await verifyLiabilityProof(proof, keys)).toMatchObject({ ok: true, balance });
      const tampered = { ...proof, balance: (balance + 1n).toString() };
      expect(await verifyLiabilityProof(tampered, keys)).toEqual({ ok: false, reason: 'not-in-root' });
    }
    await expect(getAccountProof(db, users[0]!.id, yesterday)).rejects.toMatchObject({ code: 'PROOF_NO_ACCOUNT' });
    await expect(getAccountProof(db, users[0]!.id, '2026-01-01')).rejects.toMatchObject({
      code: 'PROOF_NOT_PUBLISHED',
    });
  });

  it('roots and failures refuse UPDATE, DELETE and TRUNCATE', async () => {
    for (const sql of [
      `UPDATE liability_proof_roots SET total_liabilities = 0`,
      `DELETE FROM liability_proof_roots`,
      `TRUNCATE liability_proof_roots`,
      `UPDATE liability_proof_failures SET error = 'x'`,
      `DELETE FROM liability_proof_failures`,
    ]) {
      await expect(db.$executeRawUnsafe(sql), sql).rejects.toThrow();
    }
    expect(await db.liabilityProofRoot.count()).toBe(2);
  });
});
