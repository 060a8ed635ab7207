// Reconciles one Shanghai day of the reserve: the bank's statement (fetched over the gateway)
// against the ledger, classified by classifyStatement, stored as one run with its breaks.
// Two runs of one day never overlap: the run holds a transaction-scoped advisory lock on the
// day for its whole length, and a second one is refused at once (no queueing behind it).
// A run retried after a conflict asks the bank again: it only reads there (the statement and
// the state of requests), so asking twice changes nothing.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, RESERVE_ACCOUNT, type Currency } from '@/ledger';
import { inTransaction } from '../core/in-transaction';
import type { Tx } from '../db';
import { recordAuditEvent } from '../admin/audit/record-audit-event';
import { requireAdminOrThrow } from '../admin/require-admin-or-throw';
import { getBalance } from '../stored-ledger';
import type { BankGateway } from '../bank/bank-gateway';
import { businessDayOrThrow, type BusinessDay } from './business-date';
import { classifyStatement, type BankLine, type Break } from './classify-statement';
import { bankAccountIds, loadLedgerItems, loadOperations } from './load-ledger-side';
import type { ReconciliationDeps } from './reconciliation-deps';
import { InvalidBusinessDateError, ReconciliationAlreadyRunningError } from './reconciliation-errors';
import { mapLimit } from '../../lib/async/map-limit';

export type RunTrigger = 'MANUAL' | 'SCHEDULED';

/** MANUAL runs name the admin who asked (checked here); SCHEDULED runs are the daily job's. */
export type RunInput =
  | { date: string; trigger: 'MANUAL'; actorId: string; currency?: Currency }
  | { date: string; trigger: 'SCHEDULED'; actorId?: null; currency?: Currency };

export type RunSummary = {
  runId: string;
  date: string;
  bankLineCount: number;
  ledgerEntryCount: number;
  matched: number;
  otherDay: number;
  breakCount: number;
  bankClosingBalance: bigint;
  ledgerClosingBalance: bigint;
  durationMs: number;
};

/** How many status queries for unexplained ledger entries may be in flight at once. */
const BANK_QUERY_CONCURRENCY = 8;

export async function runReconciliation(
  deps: ReconciliationDeps,
  input: RunInput,
  now = new Date(),
): Promise<RunSummary> {
  if (input.trigger === 'MANUAL') await requireAdminOrThrow(deps.db, input.actorId);
  const day = businessDayOrThrow(input.date, now);
  const currency = input.currency ?? DEFAULT_CURRENCY;
  const startedAt = new Date();
  try {
    return await inTransaction(
      deps.db,
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtextextended(${`reconciliation:${day.date}`}, 0)) AS locked`;
        if (!lock?.locked) throw new ReconciliationAlreadyRunningError(day.date);
        return reconcileLocked(tx, deps.bank, day, currency, input, startedAt);
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof ReconciliationAlreadyRunningError || error instanceof InvalidBusinessDateError) throw error;
    // The attempt is evidence too (e.g. the bank was unreachable): kept as a FAILED run.
    await deps.db.reconciliationRun.create({
      data: {
        businessDate: day.date,
        currency,
        status: 'FAILED',
        trigger: input.trigger,
        startedById: input.actorId ?? null,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        durationMs: Date.now() - startedAt.getTime(),
        startedAt,
      },
    });
    throw error;
  }
}

async function reconcileLocked(
  tx: Tx,
  bank: BankGateway,
  day: BusinessDay,
  currency: Currency,
  input: RunInput,
  startedAt: Date,
): Promise<RunSummary> {
  const statement = await bank.reserveStatement(day.date);
  const lines: BankLine[] = statement.lines.map((l) => ({
    bankReference: l.bankReference,
    reference: l.reference,
    amount: l.amount,
    bookedAt: new Date(l.bookedAt),
  }));

  const accounts = await bankAccountIds(tx, currency);
  // One after the other: a transaction is one connection.
  const operations = await loadOperations(
    tx,
    lines.flatMap((l) => (l.reference ? [l.reference] : [])),
    accounts.all,
  );
  const ledgerItems = await loadLedgerItems(tx, accounts.reserve, day.start, day.end);
  const classified = classifyStatement({ day, lines, operations, ledgerItems });

  // An entry of the day that the day's statement does not show may have been booked by the
  // bank on another day (a payout confirmed just after midnight): timing, not a break.
  const atBank = await mapLimit(classified.unmatchedLedger, BANK_QUERY_CONCURRENCY, (b) =>
    bookedByBankOnAnotherDay(bank, b, day),
  );
  const missingAtBank = classified.unmatchedLedger.filter((_, i) => !atBank[i]);
  const otherDay = classified.otherDay + atBank.filter(Boolean).length;
  const breaks = [...classified.breaks, ...missingAtBank];

  const ledgerOpening = await reserveAssetAt(tx, currency, new Date(day.start.getTime() - 1));
  const ledgerClosing = await reserveAssetAt(tx, currency, new Date(day.end.getTime() - 1));
  const durationMs = Date.now() - startedAt.getTime();

  const run = await tx.reconciliationRun.create({
    data: {
      businessDate: day.date,
      currency,
      status: 'COMPLETED',
      trigger: input.trigger,
      startedById: input.actorId ?? null,
      bankLineCount: lines.length,
      ledgerEntryCount: ledgerItems.length,
      matchedCount: classified.matched,
      otherDayCount: otherDay,
      breakCount: breaks.length,
      bankOpeningBalance: statement.openingBalance,
      bankClosingBalance: statement.closingBalance,
      ledgerOpeningBalance: ledgerOpening,
      ledgerClosingBalance: ledgerClosing,
      durationMs,
      startedAt,
    },
    select: { id: true },
  });
  await insertBreaks(tx, run.id, day.date, breaks);
  if (input.actorId) {
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: 'reconciliation.run',
      targetType: 'reconciliation_run',
      targetId: run.id,
      before: null,
      after: { date: day.date, bankLines: lines.length, matched: classified.matched, breaks: breaks.length },
    });
  }
  return {
    runId: run.id,
    date: day.date,
    bankLineCount: lines.length,
    ledgerEntryCount: ledgerItems.length,
    matched: classified.matched,
    otherDay,
    breakCount: breaks.length,
    bankClosingBalance: statement.closingBalance,
    ledgerClosingBalance: ledgerClosing,
    durationMs,
  };
}

async function bookedByBankOnAnotherDay(bank: BankGateway, item: Break, day: BusinessDay): Promise<boolean> {
  if (!item.reference || item.ledgerAmount === null) return false;
  try {
    const state = await bank.queryRequest(item.reference);
    if (!state || state.status !== 'SUCCEEDED' || !state.completedAt) return false;
    const signed = state.kind === 'DEBIT' ? state.amount : -state.amount;
    const completed = new Date(state.completedAt);
    return signed === item.ledgerAmount && (completed < day.start || completed >= day.end);
  } catch {
    return false; // unknown at the bank stays a break for a person to look at
  }
}

/** The reserve as the asset it is (+ = money held), at an instant; 0 before the account exists. */
async function reserveAssetAt(tx: Tx, currency: Currency, at: Date): Promise<bigint> {
  try {
    return -(await getBalance(tx, RESERVE_ACCOUNT, currency, at)).posted;
  } catch (error) {
    if (error instanceof AccountNotFoundError) return 0n;
    throw error;
  }
}

/** All breaks in one statement (one JSON parameter, unpacked by the database). */
async function insertBreaks(tx: Tx, runId: string, date: string, breaks: Break[]): Promise<void> {
  if (breaks.length === 0) return;
  const rows = JSON.stringify(
    breaks.map((b) => ({
      category: b.category,
      item_key: b.itemKey,
      reference: b.reference,
      bank_reference: b.bankReference,
      operation_id: b.operationId,
      operation_kind: b.operationKind,
      operation_status: b.operationStatus,
      ledger_entry_id: b.ledgerEntryId,
      bank_amount: b.bankAmount?.toString() ?? null,
      ledger_amount: b.ledgerAmount?.toString() ?? null,
      bank_booked_at: b.bankBookedAt?.toISOString() ?? null,
      ledger_booked_at: b.ledgerBookedAt?.toISOString() ?? null,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO reconciliation_breaks
      (id, run_id, business_date, category, item_key, reference, bank_reference, operation_id, operation_kind,
       operation_status, ledger_entry_id, bank_amount, ledger_amount, bank_booked_at, ledger_booked_at)
    SELECT uuidv7(), ${runId}::uuid, ${date}, x.category::"ReconciliationBreakCategory", x.item_key, x.reference, x.bank_reference,
           x.operation_id::uuid, x.operation_kind, x.operation_status, x.ledger_entry_id::uuid, x.bank_amount::bigint,
           x.ledger_amount::bigint, x.bank_booked_at::timestamptz, x.ledger_booked_at::timestamptz
    FROM jsonb_to_recordset(${rows}::jsonb) AS x(
      category text, item_key text, reference text, bank_reference text, operation_id text, operation_kind text,
      operation_status text, ledger_entry_id text, bank_amount text, ledger_amount text, bank_booked_at text, ledger_booked_at text)`;
}
