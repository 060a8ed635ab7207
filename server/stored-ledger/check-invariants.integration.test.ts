// checkLedgerInvariants must notice each kind of damage. The database refuses all of it, so
// each case switches the ledger's guards off inside a transaction (DDL is transactional in
// PostgreSQL), damages the books, runs the check in that transaction, and rolls back.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  topUpPostings,
  transferPostings,
  userWalletCode,
  withdrawalPostings,
  type Currency,
} from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import type { Tx } from '../db';
import { checkLedgerInvariants, formatInvariantReport, ledgerTotals, type InvariantReport } from './check-invariants';
import { expectLedgerInvariants } from './testing/ledger-test-helpers';
import { createHold, ensureAccounts, ensurePlatformAccounts, postTransfer } from './index';

const CNY: Currency = 'CNY';
const db = testDb();
const run = randomUUID().replaceAll('-', '').slice(0, 10);
const payer = `i${run}a`;
const payee = `i${run}b`;
const PAYER = userWalletCode(payer);
const PAYEE = userWalletCode(payee);

beforeAll(async () => {
  await ensurePlatformAccounts(db, CNY);
  await ensureAccounts(db, [
    { code: PAYER, currency: CNY },
    { code: PAYEE, currency: CNY },
  ]);
  await postTransfer(
    db,
    buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId: payer, amount: 10_000n, currency: CNY }) }),
  );
  for (const amount of [100n, 200n, 300n]) {
    await postTransfer(
      db,
      buildJournalEntry({
        kind: 'TRANSFER',
        postings: transferPostings({ fromUserId: payer, toUserId: payee, amount, currency: CNY }),
      }),
    );
  }
  await createHold(
    db,
    buildJournalEntry({
      kind: 'WITHDRAWAL',
      postings: withdrawalPostings({ userId: payer, amount: 1_000n, fee: 10n, currency: CNY }),
    }),
  );
});
afterEach(() => expectLedgerInvariants(db));
afterAll(() => db.$disconnect());

const ROLLBACK = new Error('rollback');

/** Damages the books with the guards off, checks in the same transaction, rolls back. */
async function checkDamaged(damage: (tx: Tx) => Promise<unknown>): Promise<InvariantReport> {
  let report: InvariantReport | undefined;
  await db
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE ledger_postings DISABLE TRIGGER USER');
        await tx.$executeRawUnsafe('ALTER TABLE journal_entries DISABLE TRIGGER USER');
        await tx.$executeRawUnsafe('ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_available_check');
        await damage(tx);
        report = await checkLedgerInvariants(tx);
        throw ROLLBACK;
      },
      { timeout: 60_000, maxWait: 60_000 },
    )
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return report!;
}

const rules = (report: InvariantReport) => [...new Set(report.violations.map((v) => v.rule))].sort();

/** The latest posted posting of an account. */
function onePosting(code: string) {
  return db.$queryRaw<{ id: string; entry_id: string; account_id: string }[]>`
    SELECT p.id::text, p.entry_id::text, p.account_id::text FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
    WHERE a.code = ${code} AND NOT p.pending ORDER BY p.account_seq DESC LIMIT 1`.then((rows) => rows[0]!);
}

describe('checkLedgerInvariants', () => {
  it('passes on sound books and reports the totals', async () => {
    const report = await checkLedgerInvariants(db);
    expect(report).toEqual({ ok: true, violations: [] });
    expect(formatInvariantReport(report)).toBe('ledger invariants: ok');
    const totals = await ledgerTotals(db);
    expect(totals.find((t) => t.currency === CNY)).toMatchObject({ balances: 0n, postings: 0n });
  });

  it('notices a cached balance that is not the sum of the postings', async () => {
    const report = await checkDamaged(
      (tx) => tx.$executeRaw`UPDATE ledger_accounts SET balance = balance + 1 WHERE code = ${PAYEE}`,
    );
    expect(rules(report)).toEqual(['cached_balance_and_pending', 'zero_sum_balances']);
    expect(formatInvariantReport(report)).toContain(PAYEE);
  });

  it('notices pending amounts that do not match the pending holds', async () => {
    const report = await checkDamaged(
      (tx) => tx.$executeRaw`UPDATE ledger_accounts SET pending_debits = pending_debits + 5 WHERE code = ${PAYER}`,
    );
    expect(rules(report)).toEqual(['cached_balance_and_pending', 'zero_sum_balances']);
  });

  it('notices an overdrawn account', async () => {
    const report = await checkDamaged(
      (tx) => tx.$executeRaw`UPDATE ledger_accounts SET pending_debits = balance + 1 WHERE code = ${PAYEE}`,
    );
    expect(rules(report)).toContain('no_overdraft');
  });

  it('notices an entry that does not balance', async () => {
    const posting = await onePosting(PAYEE);
    const report = await checkDamaged(async (tx) => {
      // A posting added with a correct sequence and balances: only the sums can tell.
      await tx.$executeRaw`
        INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after)
        SELECT uuidv7(), ${posting.entry_id}::uuid, a.id, 'CNY', 7, false, a.version + 1, a.balance + 7
        FROM ledger_accounts a WHERE a.code = ${PAYEE}`;
      await tx.$executeRaw`UPDATE ledger_accounts SET balance = balance + 7, version = version + 1 WHERE code = ${PAYEE}`;
    });
    expect(rules(report)).toEqual(['entry_balanced', 'zero_sum_balances', 'zero_sum_postings']);
  });

  it('notices a posting in another currency than its account', async () => {
    const posting = await onePosting(PAYEE);
    const report = await checkDamaged(
      (tx) => tx.$executeRaw`UPDATE ledger_postings SET currency = 'USD' WHERE id = ${posting.id}::uuid`,
    );
    expect(rules(report)).toContain('posting_sane');
  });

  it('notices a gap in an account sequence and a wrong running balance', async () => {
    const posting = await onePosting(PAYEE);
    const gap = await checkDamaged(
      (tx) => tx.$executeRaw`UPDATE ledger_postings SET account_seq = account_seq + 10 WHERE id = ${posting.id}::uuid`,
    );
    expect(rules(gap)).toEqual(['account_sequence']);
    const wrongAfter = await checkDamaged(
      (tx) =>
        tx.$executeRaw`UPDATE ledger_postings SET balance_after = balance_after + 1 WHERE id = ${posting.id}::uuid`,
    );
    expect(rules(wrongAfter)).toEqual(['account_sequence']);
  });

  it('notices a hold voided without releasing its funds', async () => {
    const report = await checkDamaged(
      (tx) => tx.$executeRaw`
      UPDATE journal_entries SET status = 'VOIDED', resolved_at = now()
      WHERE status = 'PENDING' AND id IN (SELECT p.entry_id FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.code = ${PAYER})`,
    );
    expect(rules(report)).toEqual(['cached_balance_and_pending']);
  });
});
