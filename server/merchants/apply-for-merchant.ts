// A signed-in customer applies to become a merchant: shop name and settlement account (one of
// their own linked bank accounts, which the bank verified when it was linked). The profile is
// PENDING until an admin decides (server/admin/merchants); its webhook secret is made now.
// A rejected applicant may apply again: the same row goes back to PENDING.
import 'server-only';
import type { Db } from '../db';
import { findBankAccountOrThrow } from '../wallet/bank-accounts/find-bank-account-or-throw';
import { inTransaction } from '../core/in-transaction';
import { safeTextOrThrow } from '../text/safe-text';
import { InvalidInputError } from '../core/domain-errors';
import { newWebhookSecret } from './api-keys';
import { MerchantApplicationExistsError } from './merchant-errors';

export const SHOP_NAME_MAX = 40;

export type ApplyForMerchantInput = { userId: string; shopName: string; settlementBankAccountId: string };

export function parseShopName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new InvalidInputError('shopName', 'Enter the shop name');
  if (Array.from(name).length > SHOP_NAME_MAX)
    throw new InvalidInputError('shopName', `The shop name is at most ${SHOP_NAME_MAX} characters`);
  return safeTextOrThrow('shopName', name);
}

export async function applyForMerchant(db: Db, input: ApplyForMerchantInput): Promise<{ merchantId: string }> {
  const shopName = parseShopName(input.shopName);
  return inTransaction(db, async (tx) => {
    // The user row locked: two submits at once make one application.
    const [user] = await tx.$queryRaw<
      { role: string }[]
    >`SELECT role::text FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
    if (!user) throw new InvalidInputError('userId', 'Unknown user');
    if (user.role !== 'CUSTOMER') throw new MerchantApplicationExistsError(user.role);
    const account = await findBankAccountOrThrow(tx, input.userId, input.settlementBankAccountId);
    const existing = await tx.merchant.findUnique({
      where: { userId: input.userId },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== 'REJECTED') throw new MerchantApplicationExistsError(existing.status);
    const data = { shopName, settlementBankAccountId: account.id, status: 'PENDING' as const, decidedAt: null };
    const merchant = existing
      ? await tx.merchant.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.merchant.create({
          data: { ...data, userId: input.userId, webhookSecret: newWebhookSecret() },
          select: { id: true },
        });
    return { merchantId: merchant.id };
  });
}
