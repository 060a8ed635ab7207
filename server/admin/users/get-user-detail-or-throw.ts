// What an admin sees of one user: profile, role, frozen state, balances from the ledger,
// the merchant profile if any, recent money operations and the admin actions about them.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode, type Currency } from '@/ledger';
import type { Db } from '../../db';
import type { MerchantStatus, OperationKind, OperationStatus, Role } from '../../generated/prisma/enums';
import { signInNeedsCode } from '../../auth/sign-in';
import { getBalance, type Balance } from '../../stored-ledger';
import { NotFoundError } from '../../core/domain-errors';
import { isUuid } from '../admin-input';
import { requireAdminOrThrow } from '../require-admin-or-throw';
import { operationOutcome, type OperationOutcome } from '../../../lib/activity/operation-outcome';

export type AdminUserDetail = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  frozenAt: Date | null;
  createdAt: Date;
  /** Recent failed sign-ins: the password alone does not sign in now (an emailed code is needed too). */
  signInNeedsCode: boolean;
  bankAccountCount: number;
  wallet: Balance | null;
  merchant: {
    id: string;
    shopName: string;
    status: MerchantStatus;
    createdAt: Date;
    decidedAt: Date | null;
    balance: Balance | null;
  } | null;
  recentOperations: {
    id: string;
    kind: OperationKind;
    status: OperationStatus;
    /** The status as the user reads it: cancelled at the bank / expired are not failures. */
    outcome: OperationOutcome;
    amount: bigint;
    fee: bigint;
    currency: string;
    createdAt: Date;
    ledgerEntryId: string | null;
    /** true when this user received it (a transfer from someone else). */
    incoming: boolean;
  }[];
  recentAudit: { id: string; action: string; note: string | null; createdAt: Date; actorEmail: string | null }[];
};

const RECENT = 10;

async function balanceOrNull(db: Db, code: string, currency: Currency): Promise<Balance | null> {
  try {
    return await getBalance(db, code, currency);
  } catch (error) {
    if (error instanceof AccountNotFoundError) return null;
    throw error;
  }
}

export async function getUserDetailOrThrow(db: Db, actorId: string, userId: string): Promise<AdminUserDetail> {
  await requireAdminOrThrow(db, actorId);
  if (!isUuid(userId)) throw new NotFoundError('User');
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      frozenAt: true,
      createdAt: true,
      merchant: { select: { id: true, shopName: true, status: true, createdAt: true, decidedAt: true } },
      _count: { select: { bankAccounts: { where: { removedAt: null } } } },
    },
  });
  if (!user) throw new NotFoundError('User');

  const [wallet, merchantBalance, operations, audit, signInNeedsCodeNow] = await Promise.all([
    balanceOrNull(db, userWalletCode(user.id), DEFAULT_CURRENCY),
    user.merchant ? balanceOrNull(db, merchantBalanceCode(user.merchant.id), DEFAULT_CURRENCY) : Promise.resolve(null),
    db.walletOperation.findMany({
      where: { OR: [{ userId: user.id }, { counterpartyUserId: user.id, kind: 'TRANSFER', status: 'SUCCEEDED' }] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
      select: {
        id: true,
        userId: true,
        kind: true,
        status: true,
        amount: true,
        fee: true,
        currency: true,
        createdAt: true,
        ledgerEntryId: true,
        failureReason: true,
      },
    }),
    db.auditEvent.findMany({
      where: { targetId: { in: [user.id, ...(user.merchant ? [user.merchant.id] : [])] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
      select: { id: true, action: true, note: true, createdAt: true, actorId: true },
    }),
    signInNeedsCode(user.email),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(audit.map((a) => a.actorId))] } },
    select: { id: true, email: true },
  });
  const actorEmail = new Map(actors.map((a) => [a.id, a.email]));

  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    frozenAt: user.frozenAt,
    createdAt: user.createdAt,
    signInNeedsCode: signInNeedsCodeNow,
    bankAccountCount: user._count.bankAccounts,
    wallet,
    merchant: user.merchant ? { ...user.merchant, balance: merchantBalance } : null,
    recentOperations: operations.map(({ userId: ownerId, failureReason, ...op }) => ({
      ...op,
      outcome: operationOutcome(op.status, failureReason),
      incoming: ownerId !== user.id,
    })),
    recentAudit: audit.map(({ actorId: id, ...event }) => ({ ...event, actorEmail: actorEmail.get(id) ?? null })),
  };
}
