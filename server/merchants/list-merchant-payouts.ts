// The merchant's payouts (PAYOUT operations of its user and merchant id), newest first.
import 'server-only';
import type { Db } from '../db';
import type { WalletOperation } from '../generated/prisma/client';
import { isUuid } from '../../lib/ids/is-uuid';
import { InvalidInputError } from '../core/domain-errors';

export const PAYOUTS_PAGE_SIZE = 20;

export async function listMerchantPayouts(
  db: Db,
  merchant: { id: string; userId: string },
  options: { cursor?: string | undefined; limit?: number } = {},
): Promise<{ payouts: WalletOperation[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? PAYOUTS_PAGE_SIZE, 1), 100);
  const scope = { userId: merchant.userId, merchantId: merchant.id, kind: 'PAYOUT' as const };
  let after: { id: string; createdAt: Date } | null = null;
  if (options.cursor !== undefined) {
    after = isUuid(options.cursor)
      ? await db.walletOperation.findFirst({
          where: { ...scope, id: options.cursor },
          select: { id: true, createdAt: true },
        })
      : null;
    if (!after) throw new InvalidInputError('cursor', 'Unknown cursor');
  }
  const rows = await db.walletOperation.findMany({
    where: after
      ? { ...scope, OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : scope,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const payouts = rows.slice(0, limit);
  return { payouts, nextCursor: rows.length > limit ? payouts[payouts.length - 1]!.id : null };
}
