import { getTranslations } from 'next-intl/server';
import { shanghaiDay } from '@/components/activity/shanghai-time';
import { BillDownloadForm } from '@/components/merchant/bill-download-form';
import { Card } from '@/components/ui/card';
import { requireMerchant } from '@/server/merchants/require-merchant';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.bills'))('title') };
}

export default async function MerchantBillsPage() {
  await requireMerchant();
  const t = await getTranslations('merchantDashboard.bills');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card className="flex flex-col gap-4">
        <p className="text-gray-600">{t('intro')}</p>
        <BillDownloadForm today={shanghaiDay(new Date())} />
      </Card>
    </div>
  );
}
