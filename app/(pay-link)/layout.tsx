import type { ReactNode } from 'react';
import { AreaMessages } from '@/components/i18n/area-messages';
import { AppShell } from '@/components/shell/app-shell';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { countUnread } from '@/server/notifications/list-notifications';

/**
 * Pages a scanned QR opens (a receive code, a payment request). Unlike the rest of the wallet,
 * the layout does not send a signed-out visitor to sign in: each page does, with the way back
 * to itself, so the camera's link still works after signing in.
 */
export default async function PayLinkLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const content = <AreaMessages area="receive">{children}</AreaMessages>;
  if (!user) return <main className="mx-auto w-full max-w-xl px-4 py-8">{content}</main>;
  return (
    <AppShell user={user} unreadCount={await countUnread(db(), user.id)}>
      {content}
    </AppShell>
  );
}
