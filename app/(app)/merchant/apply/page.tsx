import { CircleCheck, CircleX, Clock, Store } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { ApplyForm } from '@/components/merchant/apply-form';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { NeedBankAccount } from '@/components/wallet/need-bank-account';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { findMerchantApplication } from '@/server/merchants/find-merchant-for-user-or-throw';
import { listBankAccounts } from '@/server/wallet/bank-accounts/manage-bank-accounts';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.apply'))('title') };
}

/** A signed-in customer applies; afterwards the page shows where the application stands. */
export default async function MerchantApplyPage() {
  const user = await requireUser();
  const t = await getTranslations('merchantDashboard.apply');
  const [application, accounts] = await Promise.all([
    findMerchantApplication(db(), user.id),
    listBankAccounts(db(), user.id),
  ]);
  const header = <PageHeader title={t('title')} backHref="/me" backLabel={(await getTranslations('me'))('title')} />;

  if (application?.status === 'APPROVED' || user.role === 'MERCHANT') {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <Card
          className="flex flex-col items-center gap-3 py-8 text-center"
          data-testid="application-status"
          data-status="APPROVED"
        >
          <CircleCheck aria-hidden className="size-12 text-green-700" />
          <h2 className="text-lg font-semibold text-gray-900">{t('approvedTitle')}</h2>
          {application && <p className="text-gray-600">{t('approvedText', { shop: application.shopName })}</p>}
          <Link href="/merchant" className={buttonVariants({})}>
            {t('goDashboard')}
          </Link>
        </Card>
      </div>
    );
  }
  if (user.role !== 'CUSTOMER') {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <Card className="text-gray-600">{t('notCustomer')}</Card>
      </div>
    );
  }
  if (application?.status === 'PENDING') {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <Card
          className="flex flex-col items-center gap-3 py-8 text-center"
          data-testid="application-status"
          data-status="PENDING"
        >
          <Clock aria-hidden className="size-12 text-amber-600" />
          <h2 className="text-lg font-semibold text-gray-900">{t('pendingTitle')}</h2>
          <p className="text-gray-600">
            {t('pendingText', { shop: application.shopName, time: formatShanghaiMinute(application.createdAt) })}
          </p>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      {header}
      {application?.status === 'REJECTED' && (
        <Card
          className="flex items-start gap-3 border-red-200 bg-red-50"
          data-testid="application-status"
          data-status="REJECTED"
        >
          <CircleX aria-hidden className="size-6 shrink-0 text-danger" />
          <div>
            <h2 className="font-semibold text-gray-900">{t('rejectedTitle')}</h2>
            <p className="text-sm text-gray-700">{t('rejectedText', { shop: application.shopName })}</p>
          </div>
        </Card>
      )}
      <Card className="flex flex-col gap-4">
        <div className="flex items-start gap-3">
          <Store aria-hidden className="size-6 shrink-0 text-brand-600" />
          <p className="text-gray-600">{t('intro')}</p>
        </div>
        {accounts.length ? (
          <ApplyForm accounts={accounts} shopName={application?.shopName ?? ''} />
        ) : (
          <NeedBankAccount message={t('noAccount')} />
        )}
      </Card>
    </div>
  );
}
