import { Bell } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  await requireUser();
  const t = await getTranslations('notifications');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card className="flex flex-col items-center gap-2 py-10 text-gray-500">
        <Bell aria-hidden className="size-10 text-gray-300" />
        <p>{t('empty')}</p>
      </Card>
    </div>
  );
}
