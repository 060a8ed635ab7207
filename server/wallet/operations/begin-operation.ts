// The first step of every money operation, inside the caller's transaction: lock the user
// (one money operation per user at a time, so daily limits cannot be raced), answer a reused
// idempotency key with the first operation, check the limits, write the operation and the
// REQUESTED event of its timeline.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Currency } from '@/ledger';
import type { Tx } from '../../db';
import type { OperationKind, PaymentMethod, WalletOperation } from '../../generated/prisma/client';
import { walletConfig } from '../../config/wallet-config';
import { AccountFrozenError, IdempotencyKeyReusedError, LimitExceededError } from '../../core/domain-errors';
import { startOfShanghaiDay } from '../../../lib/time/shanghai-day';

export type OperationRequest = {
  userId: string;
  kind: OperationKind;
  amount: bigint;
  fee?: bigint;
  currency: Currency;
  idempotencyKey: string;
  bankAccountId?: string;
  counterpartyUserId?: string;
  memo?: string | null;
  /** PAYMENT / REFUND: the order; PAYOUT and refunds: the merchant. */
  orderId?: string;
  merchantId?: string;
  paymentMethod?: PaymentMethod;
};

export type BegunOperation = { operation: WalletOperation; replayed: boolean };

export function operationRequestHash(request: OperationRequest): string {
  const canonical = JSON.stringify([
    request.kind,
    request.amount.toString(),
    request.currency,
    request.bankAccountId ?? null,
    request.counterpartyUserId ?? null,
    request.memo ?? null,
    // Appended only when present, so that hashes of earlier operations stay the same.
    ...(request.orderId || request.paymentMethod ? [request.orderId ?? null, request.paymentMethod ?? null] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function beginOperation(tx: Tx, request: OperationRequest): Promise<BegunOperation> {
  const [user] = await tx.$queryRaw<{ frozen: boolean }[]>`
    SELECT frozen_at IS NOT NULL AS frozen FROM users WHERE id = ${request.userId}::uuid FOR UPDATE`;
  const hash = operationRequestHash(request);
  const existing = await tx.walletOperation.findUnique({
    where: { userId_idempotencyKey: { userId: request.userId, idempotencyKey: request.idempotencyKey } },
  });
  if (existing) {
    if (existing.requestHash !== hash) throw new IdempotencyKeyReusedError();
    return { operation: existing, replayed: true };
  }

  // Money out is refused for a frozen user; what others send them (refunds) still arrives.
  if (user?.frozen && request.kind !== 'REFUND') throw new AccountFrozenError();
  await checkLimits(tx, request);
  const operation = await tx.walletOperation.create({
    data: {
      userId: request.userId,
      kind: request.kind,
      status: 'PENDING',
      currency: request.currency,
      amount: request.amount,
      fee: request.fee ?? 0n,
      bankAccountId: request.bankAccountId ?? null,
      counterpartyUserId: request.counterpartyUserId ?? null,
      memo: request.memo ?? null,
      orderId: request.orderId ?? null,
      merchantId: request.merchantId ?? null,
      paymentMethod: request.paymentMethod ?? null,
      idempotencyKey: request.idempotencyKey,
      requestHash: hash,
      events: { create: { type: 'REQUESTED' } },
    },
  });
  return { operation, replayed: false };
}

/** What the user has used today (Shanghai day) of a kind: everything not failed. */
export async function usedToday(tx: Tx, userId: string, kind: OperationKind, currency: string): Promise<bigint> {
  const sum = await tx.walletOperation.aggregate({
    _sum: { amount: true },
    where: { userId, kind, currency, status: { not: 'FAILED' }, createdAt: { gte: startOfShanghaiDay(new Date()) } },
  });
  return sum._sum.amount ?? 0n;
}

async function checkLimits(tx: Tx, request: OperationRequest): Promise<void> {
  if (request.kind === 'REFUND') return; // bounded by the paid amount (the order's CHECK)
  const limits = walletConfig().limits[request.kind];
  if (request.amount > limits.perOperation) {
    throw new LimitExceededError('PER_OPERATION', limits.perOperation, limits.perOperation);
  }
  const used = await usedToday(tx, request.userId, request.kind, request.currency);
  if (used + request.amount > limits.perDay) {
    const remaining = limits.perDay > used ? limits.perDay - used : 0n;
    throw new LimitExceededError('PER_DAY', limits.perDay, remaining);
  }
}
