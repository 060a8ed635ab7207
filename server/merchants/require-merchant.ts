// For merchant pages and actions: the signed-in user with role MERCHANT and their approved
// merchant profile, or the 403 page (a customer, an admin, or a merchant not approved).
import 'server-only';
import { forbidden } from 'next/navigation';
import { requireRole, type CurrentUser } from '../auth/current-user';
import { db } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { MerchantNotActiveError } from '../orders/order-errors';
import { NotFoundError } from '../core/domain-errors';
import { findMerchantForUserOrThrow } from './find-merchant-for-user-or-throw';

export type MerchantSession = { user: CurrentUser; merchant: Merchant };

export async function requireMerchant(): Promise<MerchantSession> {
  const user = await requireRole('MERCHANT');
  try {
    return { user, merchant: await findMerchantForUserOrThrow(db(), user.id) };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof MerchantNotActiveError) forbidden();
    throw error;
  }
}

/** The same without interrupting (route handlers answer 401/403 themselves); null if not a merchant. */
export async function getMerchantSession(user: CurrentUser | null): Promise<MerchantSession | null> {
  if (!user || user.role !== 'MERCHANT') return null;
  try {
    return { user, merchant: await findMerchantForUserOrThrow(db(), user.id) };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof MerchantNotActiveError) return null;
    throw error;
  }
}
