import { Bell } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { MarkAllReadButton } from '@/components/notifications/mark-all-read-button';
import { NotificationItem } from '@/components/notifications/notification-item';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { listNotifications } from '@/server/notifications/list-notifications';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const t = await getTranslations('notifications');
  const notifications = await listNotifications(db(), user.id);
  const now = new Date();
  const anyUnread = notifications.some((n) => n.readAt === null);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex min-h-11 items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        {anyUnread && <MarkAllReadButton />}
      </div>
      {notifications.length === 0 ? (
        <Card className="flex flex-col items-center gap-2 py-10 text-gray-500" data-testid="notifications-empty">
          <Bell aria-hidden className="size-10 text-gray-300" />
          <p>{t('empty')}</p>
        </Card>
      ) : (
        <Card className="p-3 md:p-4">
          <ul className="divide-y divide-gray-100" data-testid="notification-list">
            {notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} now={now} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
