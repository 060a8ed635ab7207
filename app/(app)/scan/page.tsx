import { getTranslations } from 'next-intl/server';
import { AreaMessages } from '@/components/i18n/area-messages';
import { QrScanner } from '@/components/receive/qr-scanner';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.scan'))('title') };
}

/** 扫一扫: the camera (or a picture) reads a receive code, a payment request or a checkout. */
export default async function ScanPage() {
  await requireUser();
  const t = await getTranslations('receive');
  return (
    <AreaMessages area="receive">
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        <PageHeader title={t('scan.title')} backHref="/receive" backLabel={t('hub.back')} />
        <Card>
          <QrScanner />
        </Card>
      </div>
    </AreaMessages>
  );
}
