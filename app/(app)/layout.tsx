import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { countUnread } from '@/server/notifications/list-notifications';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const unread = await countUnread(db(), user.id);
  return (
    <AppShell user={user} unreadCount={unread}>
      {children}
    </AppShell>
  );
}
