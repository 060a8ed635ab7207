// 收款: a request for a fixed amount, with an optional memo and an expiry, to share as a link
// or QR. The amount must be payable at all (within a transfer's per-operation limit); what
// the payer may send today is the payer's limits' business, when they pay.
import 'server-only';
import { DEFAULT_CURRENCY } from '@/ledger';
import type { Db } from '../../db';
import { walletConfig } from '../../config/wallet-config';
import { AccountFrozenError, InvalidInputError, LimitExceededError } from '../../core/domain-errors';
import { newLinkToken } from '../receive-codes';

/** From five minutes to seven days; the form offers 15 min, 1 h, 24 h and 7 days. */
export const EXPIRY_MINUTES_MIN = 5;
export const EXPIRY_MINUTES_MAX = 7 * 24 * 60;

export type CreatePaymentRequestInput = {
  userId: string;
  amount: bigint;
  memo: string | null;
  expiresInMinutes: number;
};

export function checkExpiryMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < EXPIRY_MINUTES_MIN || minutes > EXPIRY_MINUTES_MAX) {
    throw new InvalidInputError('expiresInMinutes', 'Choose an expiry between 5 minutes and 7 days', {
      reason: 'EXPIRY_RANGE',
    });
  }
  return minutes;
}

export async function createPaymentRequest(
  db: Db,
  input: CreatePaymentRequestInput,
): Promise<{ id: string; token: string }> {
  const minutes = checkExpiryMinutes(input.expiresInMinutes);
  const { perOperation } = walletConfig().limits.TRANSFER;
  if (input.amount > perOperation) throw new LimitExceededError('PER_OPERATION', perOperation, perOperation);
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { frozenAt: true } });
  if (user.frozenAt) throw new AccountFrozenError();
  // expires_at from the database's clock, the one that later decides whether it can be paid.
  const [row] = await db.$queryRaw<{ id: string; token: string }[]>`
    INSERT INTO payment_requests (id, token, requester_id, amount, currency, memo, expires_at)
    VALUES (uuidv7(), ${newLinkToken()}, ${input.userId}::uuid, ${input.amount}, ${DEFAULT_CURRENCY}, ${input.memo},
            now() + make_interval(mins => ${minutes}::int))
    RETURNING id, token`;
  return row!;
}
