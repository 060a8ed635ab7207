import { getTranslations } from 'next-intl/server';
import { ResetPinForm } from '@/components/pin/reset-pin-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { safeCallback } from '@/server/auth/safe-callback';
import { PIN_RESET_CODE_MINUTES } from '@/server/pin/reset-payment-pin';

export async function generateMetadata() {
  return { title: (await getTranslations('pin.reset'))('title') };
}

type Search = { next?: string | string[] };

/** 重置支付密码: the sign-in password and an emailed code, then the new PIN; back to `next` after. */
export default async function ResetPaymentPinPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  const t = await getTranslations('pin.reset');
  const next = safeCallback((await searchParams).next ?? '/me/payment-pin');
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t('title')} backLabel={(await getTranslations('walletPage'))('back')} />
      <Card className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('intro')}</p>
        <ResetPinForm next={next} codeMinutes={PIN_RESET_CODE_MINUTES} />
      </Card>
    </div>
  );
}
