// The signed-in user's merchant profile. The dashboard reads and writes only through the
// approved profile found here, so every query below is scoped by its id.
import 'server-only';
import type { Db, DbClient } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { MerchantNotActiveError } from '../orders/order-errors';
import { NotFoundError } from '../core/domain-errors';

/** The user's approved merchant profile; NotFoundError without one, MerchantNotActiveError while not approved. */
export async function findMerchantForUserOrThrow(db: DbClient, userId: string): Promise<Merchant> {
  const merchant = await db.merchant.findUnique({ where: { userId } });
  if (!merchant) throw new NotFoundError('Merchant');
  if (merchant.status !== 'APPROVED') throw new MerchantNotActiveError();
  return merchant;
}

/** The user's application (any status), or null: what /merchant/apply shows. */
export async function findMerchantApplication(db: Db, userId: string) {
  return db.merchant.findUnique({
    where: { userId },
    select: { id: true, shopName: true, status: true, createdAt: true, decidedAt: true, settlementBankAccountId: true },
  });
}
