import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHomePage() {
  await requireRole('ADMIN');
  const t = await getTranslations('admin');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card className="text-gray-600">{t('intro')}</Card>
    </div>
  );
}
