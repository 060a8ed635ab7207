'use server';

// /me/security: change the password, sign out a device or every other one.
import { revalidatePath } from 'next/cache';
import { changePassword } from '@/server/auth/change-password';
import { requireUserSession } from '@/server/auth/current-user';
import { requestLocale } from '@/server/auth/request-locale';
import { revokeSessionsOf, revokeUserSession } from '@/server/auth/sessions';
import { db } from '@/server/db';
import { idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

export async function changePasswordAction(form: FormData): Promise<ActionResult<null>> {
  const { user, sessionId } = await requireUserSession();
  return runAction(async () => {
    await changePassword(
      db(),
      {
        userId: user.id,
        sessionId,
        currentPassword: form.get('currentPassword'),
        newPassword: form.get('newPassword'),
        confirmPassword: form.get('confirmPassword'),
      },
      { locale: await requestLocale() },
    );
    revalidatePath('/me/security');
    return null;
  });
}

export async function signOutSessionAction(form: FormData): Promise<ActionResult<null>> {
  const { user } = await requireUserSession();
  return runAction(async () => {
    await revokeUserSession(db(), user.id, idField(form, 'sessionId'));
    revalidatePath('/me/security');
    return null;
  });
}

export async function signOutOtherSessionsAction(): Promise<ActionResult<{ count: number }>> {
  const { user, sessionId } = await requireUserSession();
  return runAction(async () => {
    const count = await revokeSessionsOf(db(), user.id, { except: sessionId });
    revalidatePath('/me/security');
    return { count };
  });
}
