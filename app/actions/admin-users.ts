'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { setUserFrozen } from '@/server/admin/users/set-user-frozen';
import { idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Freeze (frozen=1) or unfreeze (frozen=0) a user, with the admin's note. */
export async function setUserFrozenAction(form: FormData): Promise<ActionResult<{ frozen: boolean }>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const userId = idField(form, 'userId');
    const result = await setUserFrozen(db(), {
      actorId: admin.id,
      userId,
      frozen: form.get('frozen') === '1',
      note: String(form.get('note') ?? ''),
    });
    revalidatePath(`/admin/users/${userId}`);
    revalidatePath('/admin/users');
    revalidatePath('/admin/audit');
    return { frozen: result.frozenAt !== null };
  });
}
