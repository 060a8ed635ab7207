'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { markAllRead } from '@/server/notifications/list-notifications';

/** 全部已读: the list and the unread badge in the shell re-render without the dots. */
export async function markNotificationsReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllRead(db(), user.id);
  revalidatePath('/', 'layout');
}
