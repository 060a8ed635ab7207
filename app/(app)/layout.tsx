import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { redirect } from 'next/navigation';
import { requireUser } from '@/server/auth/current-user';
import { twoFactorEnabled } from '@/server/auth/two-factor/two-factor';
import { db } from '@/server/db';
import { countUnread } from '@/server/notifications/list-notifications';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // An admin without two-step verification reaches only its set-up.
  if (user.role === 'ADMIN' && !(await twoFactorEnabled(db(), user.id))) redirect('/two-factor');
  const unread = await countUnread(db(), user.id);
  return (
    <AppShell user={user} unreadCount={unread}>
      {children}
    </AppShell>
  );
}
