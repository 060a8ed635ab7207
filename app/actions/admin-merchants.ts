'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { decideMerchantApplication } from '@/server/admin/merchants/decide-merchant-application';
import { InvalidInputError } from '@/server/core/domain-errors';
import { idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Approve or reject a merchant application (a rejection needs a note). */
export async function decideMerchantAction(form: FormData): Promise<ActionResult<{ status: 'APPROVED' | 'REJECTED' }>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const decision = form.get('decision');
    if (decision !== 'APPROVE' && decision !== 'REJECT')
      throw new InvalidInputError('decision', 'decision must be APPROVE or REJECT');
    const result = await decideMerchantApplication(db(), {
      actorId: admin.id,
      merchantId: idField(form, 'merchantId'),
      decision,
      note: typeof form.get('note') === 'string' ? String(form.get('note')) : null,
    });
    revalidatePath('/admin/merchants');
    revalidatePath('/admin');
    return { status: result.status };
  });
}
