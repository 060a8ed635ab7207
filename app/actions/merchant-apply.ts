'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { applyForMerchant } from '@/server/merchants/apply-for-merchant';
import { idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** A customer applies to become a merchant (PENDING until an admin decides). */
export async function applyForMerchantAction(form: FormData): Promise<ActionResult<{ merchantId: string }>> {
  const user = await requireRole('CUSTOMER');
  return runAction(async () => {
    const shopName = form.get('shopName');
    const result = await applyForMerchant(db(), {
      userId: user.id,
      shopName: typeof shopName === 'string' ? shopName.slice(0, 1000) : '',
      settlementBankAccountId: idField(form, 'settlementBankAccountId'),
    });
    revalidatePath('/merchant/apply');
    revalidatePath('/me');
    return result;
  });
}
