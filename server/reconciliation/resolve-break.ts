// Resolves a break: each action is a new ledger entry (or the wallet's own completion of the
// operation), a resolution row and an audit event; nothing is edited in place. One
// resolution per day and item (unique index + an advisory lock while deciding), so a double
// click or a second admin acts once and is shown the first resolution.
import 'server-only';
import { DEFAULT_CURRENCY, RESERVE_ACCOUNT, SUSPENSE_ACCOUNT, buildJournalEntry, type Currency } from '@/ledger';
import type { DbClient, Tx } from '../db';
import type { ReconciliationBreak, ReconciliationResolution } from '../generated/prisma/client';
import { recordAuditEvent } from '../admin/audit/record-audit-event';
import { requireAdminOrThrow } from '../admin/require-admin-or-throw';
import { applyLedgerOps, ensurePlatformAccounts, okOrThrow } from '../stored-ledger';
import { safeTextOrThrow } from '../text/safe-text';
import { inTransaction } from '../core/in-transaction';
import { settlePendingOperation } from '../wallet/operations/settle-pending-operation';
import type { AppDeps } from '../core/deps';
import { NotFoundError } from '../core/domain-errors';
import { actionsForBreak, writeOffAmount, type ResolutionAction } from '../../lib/reconciliation/break-actions';
import { BankOutcomeNotFinalError, ResolutionNotApplicableError } from './reconciliation-errors';
import { WRITE_OFF_NOTE_MAX } from '@/lib/reconciliation/break-actions';

export type ResolveInput = { breakId: string; actorId: string; action: ResolutionAction; note?: string | null };
export type ResolveResult = { resolution: ReconciliationResolution; alreadyResolved: boolean };

export async function resolveBreak(deps: AppDeps, input: ResolveInput): Promise<ResolveResult> {
  await requireAdminOrThrow(deps.db, input.actorId);
  const found = await deps.db.reconciliationBreak.findUnique({ where: { id: input.breakId } });
  if (!found) throw new NotFoundError('Reconciliation break', { field: 'breakId' });
  const existing = await findResolution(deps.db, found);
  if (existing) return { resolution: existing, alreadyResolved: true };
  if (!actionsForBreak(found).includes(input.action)) {
    throw new ResolutionNotApplicableError(`${input.action} does not fit a ${found.category} break`);
  }
  return input.action === 'BOOK_FROM_BANK' ? bookFromBank(deps, found, input) : writeOff(deps, found, input);
}

async function bookFromBank(deps: AppDeps, brk: ReconciliationBreak, input: ResolveInput): Promise<ResolveResult> {
  const operationId = brk.operationId!;
  // The wallet's completion path: locks the operation, applies the bank's answer once.
  await settlePendingOperation(deps, operationId);
  const operation = await deps.db.walletOperation.findUniqueOrThrow({ where: { id: operationId } });
  if (operation.status === 'PENDING') {
    const state = await deps.bank.queryRequest(operationId).catch(() => null);
    throw new BankOutcomeNotFinalError(operationId, state?.status ?? 'NOT_FOUND');
  }
  return recordOnce(deps, brk, async (tx) => {
    const resolution = await tx.reconciliationResolution.create({
      data: {
        businessDate: brk.businessDate,
        itemKey: brk.itemKey,
        breakId: brk.id,
        category: brk.category,
        action: 'BOOK_FROM_BANK',
        actorId: input.actorId,
        note: cleanNote(input.note),
        ledgerEntryId: operation.ledgerEntryId,
        outcome: {
          operationStatus: operation.status,
          bankReference: operation.bankReference,
          failureReason: operation.failureReason,
        },
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: 'reconciliation.book_from_bank',
      targetType: 'reconciliation_break',
      targetId: brk.id,
      before: { category: brk.category, operationId, operationStatus: brk.operationStatus, bankAmount: brk.bankAmount },
      after: {
        operationStatus: operation.status,
        ledgerEntryId: operation.ledgerEntryId,
        bankReference: operation.bankReference,
      },
      note: cleanNote(input.note),
    });
    return resolution;
  });
}

async function writeOff(deps: AppDeps, brk: ReconciliationBreak, input: ResolveInput): Promise<ResolveResult> {
  const note = cleanNote(input.note);
  if (!note) throw new ResolutionNotApplicableError('A write-off needs a note');
  const amount = writeOffAmount(brk);
  const run = await deps.db.reconciliationRun.findUniqueOrThrow({
    where: { id: brk.runId },
    select: { currency: true },
  });
  const currency = (run.currency || DEFAULT_CURRENCY) as Currency;
  await ensurePlatformAccounts(deps.db, currency);
  return recordOnce(deps, brk, async (tx) => {
    // + into the reserve is a debit of the reserve (−) and a credit of suspense (+), and back.
    const entry = buildJournalEntry({
      kind: 'WRITE_OFF',
      postings: [
        { accountCode: RESERVE_ACCOUNT, amount: -amount, currency },
        { accountCode: SUSPENSE_ACCOUNT, amount, currency },
      ],
      idempotencyKey: `reconciliation:${brk.businessDate}:${brk.itemKey}:write-off`,
      metadata: {
        breakId: brk.id,
        itemKey: brk.itemKey,
        businessDate: brk.businessDate,
        ...(brk.bankReference ? { bankReference: brk.bankReference } : {}),
      },
    });
    const [result] = await applyLedgerOps(tx, [{ type: 'transfer', entry, idempotencyScope: 'reconciliation' }]);
    const { entryId } = okOrThrow(result!);
    const resolution = await tx.reconciliationResolution.create({
      data: {
        businessDate: brk.businessDate,
        itemKey: brk.itemKey,
        breakId: brk.id,
        category: brk.category,
        action: 'WRITE_OFF',
        actorId: input.actorId,
        note,
        ledgerEntryId: entryId,
        outcome: { amount: amount.toString(), currency },
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: 'reconciliation.write_off',
      targetType: 'reconciliation_break',
      targetId: brk.id,
      before: {
        category: brk.category,
        bankAmount: brk.bankAmount,
        ledgerAmount: brk.ledgerAmount,
        reference: brk.reference,
      },
      after: { ledgerEntryId: entryId, amount, currency, account: SUSPENSE_ACCOUNT },
      note,
    });
    return resolution;
  });
}

/** Runs `create` under the item's lock unless a resolution already exists. */
async function recordOnce(
  deps: AppDeps,
  brk: ReconciliationBreak,
  create: (tx: Tx) => Promise<ReconciliationResolution>,
): Promise<ResolveResult> {
  return inTransaction(deps.db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`reconciliation-item:${brk.businessDate}:${brk.itemKey}`}, 0))`;
    const existing = await findResolution(tx, brk);
    if (existing) return { resolution: existing, alreadyResolved: true };
    return { resolution: await create(tx), alreadyResolved: false };
  });
}

function findResolution(db: DbClient, brk: ReconciliationBreak) {
  return db.reconciliationResolution.findUnique({
    where: { businessDate_itemKey: { businessDate: brk.businessDate, itemKey: brk.itemKey } },
  });
}

function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? safeTextOrThrow('note', trimmed.slice(0, WRITE_OFF_NOTE_MAX), { multiline: true }) : null;
}
