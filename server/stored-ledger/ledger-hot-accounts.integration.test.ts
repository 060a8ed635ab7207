// Hot accounts are locked last (migration ledger_hot_accounts_lock_late): a call waiting for
// a wallet holds no lock on the merchant it pays, calls crediting one merchant run side by
// side, and a call that debits the merchant (refund) still sees its exact balance. Against a
// real PostgreSQL; every invariant is checked after each test.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  merchantBalanceCode,
  payFromBalancePostings,
  refundPostings,
  userWalletCode,
  type Currency,
} from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { expectLedgerInvariants, fundWallet } from './testing/ledger-test-helpers';
import { encodeBatch } from './apply-ledger-ops';
import { ensureAccounts, ensurePlatformAccounts, getBalance, postTransfer, prepareLedgerOp } from './index';
import { LedgerBatcher } from './batching/ledger-batcher';

const CNY: Currency = 'CNY';
const db = testDb(16);
const run = randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const newId = (tag: string) => `h${run}${tag}${(seq++).toString(36)}`;

beforeAll(async () => {
  await ensurePlatformAccounts(db, CNY);
});
afterEach(() => expectLedgerInvariants(db));
afterAll(async () => {
  await db.$disconnect();
});

/** A merchant account, created first so that its id sorts before the wallets' (UUIDv7). */
async function merchant(): Promise<string> {
  const merchantId = newId('m');
  await ensureAccounts(db, [{ code: merchantBalanceCode(merchantId), currency: CNY }]);
  return merchantId;
}

const fundedWallet = (amount: bigint) => fundWallet(db, newId('u'), amount, CNY);

const pay = (userId: string, merchantId: string, amount: bigint) =>
  buildJournalEntry({
    kind: 'PAYMENT',
    postings: payFromBalancePostings({ userId, merchantId, amount, merchantFee: 0n, currency: CNY }),
  });

/** The merchant's posted postings in account_seq order; created_at must never go back. */
async function merchantPostings(merchantId: string) {
  const rows = await db.$queryRaw<{ account_seq: bigint; amount: bigint; balance_after: bigint; created_at: Date }[]>`
    SELECT p.account_seq, p.amount, p.balance_after, p.created_at
    FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
    WHERE a.code = ${merchantBalanceCode(merchantId)} AND a.currency = ${CNY} AND p.account_seq IS NOT NULL
    ORDER BY p.account_seq`;
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i]!.created_at.getTime(), `created_at of account_seq ${rows[i]!.account_seq}`).toBeGreaterThanOrEqual(
      rows[i - 1]!.created_at.getTime(),
    );
  }
  return rows;
}

/** Resolves with 'done' or, if `promise` has not settled within `ms`, with 'still waiting'. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<'done' | 'still waiting'> {
  return Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);
}

/** A connection in an open transaction that holds the account's row (FOR UPDATE); end() it. */
async function lockAccountInOpenTransaction(code: string): Promise<pg.Client> {
  const locker = new pg.Client({ connectionString: testDatabaseUrl() });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM ledger_accounts WHERE code = $1 AND currency = $2 FOR UPDATE', [code, CNY]);
  } catch (error) {
    await locker.end();
    throw error;
  }
  return locker;
}

/**
 * Starts `waiting` while another transaction holds the merchant's row; checks that it waits,
 * then has that transaction pay the merchant 50 and commit, and waits for `waiting`.
 */
async function whileAnotherPaymentHoldsTheMerchant(merchantId: string, waiting: () => Promise<unknown>): Promise<void> {
  const other = await fundedWallet(10_000n);
  const locker = await lockAccountInOpenTransaction(merchantBalanceCode(merchantId));
  try {
    const call = waiting();
    expect(await settledWithin(call, 300)).toBe('still waiting');
    const op = prepareLedgerOp({ type: 'transfer', entry: pay(other, merchantId, 50n) });
    if (op.error !== undefined) throw op.error;
    await locker.query('SELECT ledger_apply($1::jsonb)', [encodeBatch([op])]);
    await locker.query('COMMIT');
    await call;
  } finally {
    await locker.end();
  }
}

describe('hot accounts are locked last', () => {
  it('a payment waiting for its wallet does not hold the merchant: another payment to it goes through', async () => {
    const merchantId = await merchant();
    const blocked = await fundedWallet(10_000n);
    const other = await fundedWallet(10_000n);
    // Another transaction holds the first payer's wallet (as a long call would).
    const locker = await lockAccountInOpenTransaction(userWalletCode(blocked));
    try {
      const waiting = postTransfer(db, pay(blocked, merchantId, 300n));
      expect(await settledWithin(waiting, 500)).toBe('still waiting');
      // Locking every account up front in id order would take the merchant (its id is the
      // smallest) before waiting for the wallet, and this payment would wait too.
      const second = postTransfer(db, pay(other, merchantId, 200n));
      expect(await settledWithin(second, 10_000)).toBe('done');
      expect((await getBalance(db, merchantBalanceCode(merchantId), CNY)).posted).toBe(200n);
      expect(await settledWithin(waiting, 100)).toBe('still waiting');
      await locker.query('ROLLBACK');
      await waiting;
    } finally {
      await locker.end();
    }
    expect((await getBalance(db, merchantBalanceCode(merchantId), CNY)).posted).toBe(500n);
  });

  it('a refund that waited for the merchant is timed after the payment that held it (created_at follows account_seq)', async () => {
    const merchantId = await merchant();
    const payer = await fundedWallet(10_000n);
    await postTransfer(db, pay(payer, merchantId, 1_000n));
    // The refund debits the merchant, so it locks it before applying its ops: it waits there.
    await whileAnotherPaymentHoldsTheMerchant(merchantId, () =>
      postTransfer(
        db,
        buildJournalEntry({
          kind: 'REFUND',
          postings: refundPostings({ merchantId, userId: payer, amount: 100n, currency: CNY }),
        }),
      ),
    );
    const rows = await merchantPostings(merchantId);
    expect(rows.map((r) => BigInt(r.amount))).toEqual([1_000n, 50n, -100n]);
  });

  it('a payment that waited for its late lock on the merchant is timed after the payment that held it', async () => {
    const merchantId = await merchant();
    const payer = await fundedWallet(10_000n);
    // The payment locks its wallet, reads the clock, and waits at its late lock on the merchant.
    await whileAnotherPaymentHoldsTheMerchant(merchantId, () => postTransfer(db, pay(payer, merchantId, 100n)));
    const rows = await merchantPostings(merchantId);
    expect(rows.map((r) => BigInt(r.amount))).toEqual([50n, 100n]);
  });

  it('refunds that debit the merchant while payments credit it: exact funds checks, nothing lost, time never goes back', async () => {
    const merchantId = await merchant();
    const payers = await Promise.all(Array.from({ length: 20 }, () => fundedWallet(1_000n)));
    const batcher = new LedgerBatcher(db, { maxInFlight: 3 });
    try {
      // 20 payments of 100 and 30 refunds of 90 at once, over 3 calls in flight: a refund
      // succeeds only while the merchant's balance covers it.
      const ops = [
        ...payers.map((userId) => postTransfer(batcher, pay(userId, merchantId, 100n)).then(() => 'paid' as const)),
        ...Array.from({ length: 30 }, (_, i) =>
          postTransfer(
            batcher,
            buildJournalEntry({
              kind: 'REFUND',
              postings: refundPostings({ merchantId, userId: payers[i % payers.length]!, amount: 90n, currency: CNY }),
            }),
          ).then(
            () => 'refunded' as const,
            (error: unknown) => {
              if ((error as { code?: string }).code === 'INSUFFICIENT_FUNDS') return 'refused' as const;
              throw error;
            },
          ),
        ),
      ];
      const outcomes = await Promise.all(ops);
      const refunded = outcomes.filter((o) => o === 'refunded').length;
      expect(outcomes.filter((o) => o === 'paid')).toHaveLength(20);
      expect(refunded).toBeLessThanOrEqual(22); // 2,000 paid in, 90 each
      const balance = await getBalance(db, merchantBalanceCode(merchantId), CNY);
      expect(balance.posted).toBe(2_000n - 90n * BigInt(refunded));
      expect(balance.posted >= 0n).toBe(true);
      expect(await merchantPostings(merchantId)).toHaveLength(20 + refunded);
    } finally {
      await batcher.close();
    }
  });

  it('two callers crediting one merchant at once: gap-free sequence, running balances right, time never goes back', async () => {
    const merchantId = await merchant();
    const payers = await Promise.all(Array.from({ length: 40 }, () => fundedWallet(1_000n)));
    const batcher = new LedgerBatcher(db, { maxInFlight: 2 });
    try {
      await Promise.all(payers.map((userId, i) => postTransfer(batcher, pay(userId, merchantId, BigInt(i + 1)))));
    } finally {
      await batcher.close();
    }
    const rows = await merchantPostings(merchantId);
    expect(rows.map((r) => Number(r.account_seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    let running = 0n;
    for (const row of rows) {
      running += BigInt(row.amount);
      expect(BigInt(row.balance_after)).toBe(running);
    }
    expect(running).toBe(820n); // 1 + 2 + … + 40
  });
});
