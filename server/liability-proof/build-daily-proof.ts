// Builds and publishes one Shanghai day's proof of liabilities: the Merkle sum tree over every
// customer wallet and merchant balance at the day's end, its root signed with the platform key
// next to the day's bank-reconciled reserve, chained to the previous day's root. Idempotent
// per day: a day that has a root keeps it (roots are append-only). Builds take one advisory
// lock, so two never interleave and each reads the chain's true last root. A failed build is
// recorded: the admin's alert until the day has a root.
import 'server-only';
import { DEFAULT_CURRENCY, type Currency } from '@/ledger';
import { PROOF_ROOT_FORMAT, PROOF_ROOT_JWS_TYPE, type SignedProofRoot } from '@/lib/liability-proof/liability-proof';
import { toHex } from '@/lib/liability-proof/sum-tree-encoding';
import { AppError } from '../core/app-error';
import { inTransaction } from '../core/in-transaction';
import type { Db, Tx } from '../db';
import { recordAuditEvent } from '../admin/audit/record-audit-event';
import { requireAdminOrThrow } from '../admin/require-admin-or-throw';
import { businessDayOrThrow, todayBusinessDate, type BusinessDay } from '../reconciliation/business-date';
import { InvalidBusinessDateError } from '../reconciliation/reconciliation-errors';
import { signDocument } from '../signing/sign-document';
import { signingKey } from '../signing/signing-key';
import { buildLiabilityTree } from './build-liability-tree';
import { ProofNeedsReconciliationError } from './liability-proof-errors';

export type ProofTrigger = 'MANUAL' | 'SCHEDULED';

export type BuildProofInput =
  | { date: string; trigger: 'MANUAL'; actorId: string; currency?: Currency }
  | { date: string; trigger: 'SCHEDULED'; actorId?: null; currency?: Currency };

export type BuiltProof = {
  date: string;
  rootHash: string;
  totalLiabilities: bigint;
  leafCount: number;
  reserveBalance: bigint;
  difference: bigint;
  /** false: the day already had its root, nothing was built. */
  created: boolean;
};

export async function buildDailyProof(deps: { db: Db }, input: BuildProofInput, now = new Date()): Promise<BuiltProof> {
  if (input.trigger === 'MANUAL') await requireAdminOrThrow(deps.db, input.actorId);
  const day = businessDayOrThrow(input.date, now);
  // Only a day that has ended can be proven: its balances no longer change.
  if (day.date >= todayBusinessDate(now)) throw new InvalidBusinessDateError(day.date);
  const currency = input.currency ?? DEFAULT_CURRENCY;
  const startedAt = Date.now();
  try {
    return await inTransaction(
      deps.db,
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('liability-proof', 0))`;
        return await buildLocked(tx, day, currency, input, startedAt);
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (!(error instanceof InvalidBusinessDateError)) {
      const message = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
      console.error(`[liability-proof] ${day.date}: build failed: ${message}`);
      await deps.db.liabilityProofFailure.create({
        data: { businessDate: day.date, trigger: input.trigger, error: message.slice(0, 500) },
      });
    }
    throw error;
  }
}

async function buildLocked(
  tx: Tx,
  day: BusinessDay,
  currency: Currency,
  input: BuildProofInput,
  startedAt: number,
): Promise<BuiltProof> {
  const existing = await tx.liabilityProofRoot.findUnique({ where: { businessDate: day.date } });
  if (existing) return { ...summary(existing), created: false };

  const later = await tx.liabilityProofRoot.findFirst({ where: { businessDate: { gt: day.date } } });
  // The chain runs forward: a day before the last root cannot be slotted in behind it.
  if (later) throw new InvalidBusinessDateError(day.date);

  const reconciled = await tx.reconciliationRun.findFirst({
    where: { businessDate: day.date, currency, status: 'COMPLETED', bankClosingBalance: { not: null } },
    orderBy: { startedAt: 'desc' },
    select: { bankClosingBalance: true },
  });
  if (!reconciled || reconciled.bankClosingBalance === null) throw new ProofNeedsReconciliationError(day.date);
  const reserveBalance = reconciled.bankClosingBalance;

  const previous = await tx.liabilityProofRoot.findFirst({
    where: { businessDate: { lt: day.date } },
    orderBy: { businessDate: 'desc' },
    select: { businessDate: true, rootHash: true },
  });
  const { tree } = await buildLiabilityTree(tx, day.date, currency, day.end);
  const document: SignedProofRoot = {
    format: PROOF_ROOT_FORMAT,
    day: day.date,
    currency,
    rootHash: toHex(tree.root.hash),
    totalLiabilities: tree.root.sum.toString(),
    leafCount: tree.leafCount,
    previousDay: previous?.businessDate ?? null,
    previousRootHash: previous?.rootHash ?? null,
    reserveBalance: reserveBalance.toString(),
    difference: (reserveBalance - tree.root.sum).toString(),
  };
  const signedRoot = await signDocument(PROOF_ROOT_JWS_TYPE, document);
  const row = await tx.liabilityProofRoot.create({
    data: {
      businessDate: day.date,
      currency,
      rootHash: document.rootHash,
      totalLiabilities: tree.root.sum,
      leafCount: tree.leafCount,
      previousDate: document.previousDay,
      previousRootHash: document.previousRootHash,
      reserveBalance,
      difference: reserveBalance - tree.root.sum,
      signedRoot,
      kid: (await signingKey()).kid,
      trigger: input.trigger,
      buildMs: Date.now() - startedAt,
    },
  });
  if (row.difference < 0n)
    console.error(`[liability-proof] ${day.date}: reserve is short of liabilities by ${-row.difference} (minor units)`);
  if (input.actorId) {
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: 'liability-proof.build',
      targetType: 'liability_proof_root',
      targetId: day.date,
      before: null,
      after: { date: day.date, rootHash: row.rootHash, total: row.totalLiabilities.toString(), leaves: row.leafCount },
    });
  }
  return { ...summary(row), created: true };
}

function summary(row: {
  businessDate: string;
  rootHash: string;
  totalLiabilities: bigint;
  leafCount: number;
  reserveBalance: bigint;
  difference: bigint;
}): Omit<BuiltProof, 'created'> {
  return {
    date: row.businessDate,
    rootHash: row.rootHash,
    totalLiabilities: row.totalLiabilities,
    leafCount: row.leafCount,
    reserveBalance: row.reserveBalance,
    difference: row.difference,
  };
}
