// A merchant is frozen when an admin freezes its user (users.frozen_at, /admin/users). Every
// write for a merchant and every payment to one asks here, inside its own transaction: a
// write that read "not frozen" before the freeze committed may finish; none starts after.
// A plain read, no row lock: payments to one merchant must not queue on its user row.
import 'server-only';
import type { DbClient } from '../db';
import { MerchantFrozenError } from './merchant-errors';

export async function isMerchantFrozen(db: DbClient, merchantId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ frozen: boolean }[]>`
    SELECT u.frozen_at IS NOT NULL AS frozen FROM merchants m JOIN users u ON u.id = m.user_id WHERE m.id = ${merchantId}::uuid`;
  return row?.frozen ?? false;
}

/** MerchantFrozenError (403 MERCHANT_FROZEN) when the merchant is frozen; nothing else. */
export async function refuseFrozenMerchant(db: DbClient, merchantId: string): Promise<void> {
  if (await isMerchantFrozen(db, merchantId)) throw new MerchantFrozenError();
}
