import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { BooksLinks } from '@/components/admin/reconciliation/books-links';
import { OpenBreaksAlert } from '@/components/admin/reconciliation/open-breaks-alert';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { listOpenBreakAlerts } from '@/server/reconciliation/read-reconciliation';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHomePage() {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('admin');
  const reconciliationAlerts = await listOpenBreakAlerts(db(), admin.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <OpenBreaksAlert alerts={reconciliationAlerts} />
      <BooksLinks />
      <Card className="text-gray-600">{t('intro')}</Card>
    </div>
  );
}
