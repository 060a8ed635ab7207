import { getTranslations } from 'next-intl/server';
import { ActivityEmpty } from '@/components/home/activity-empty';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('activity'))('title') };
}

export default async function ActivityPage() {
  await requireUser();
  const t = await getTranslations('activity');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card>
        <ActivityEmpty />
      </Card>
    </div>
  );
}
