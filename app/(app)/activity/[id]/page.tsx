import { CreditCard, House, ReceiptText } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AutoRefresh } from '@/components/activity/auto-refresh';
import { OperationDetails } from '@/components/activity/operation-details';
import { OperationHero } from '@/components/activity/operation-hero';
import { OperationTimeline } from '@/components/activity/operation-timeline';
import { RefundLinks } from '@/components/activity/refund-links';
import { ReceiptDownloads } from '@/components/receipts/receipt-downloads';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { checkoutReturnPath } from '@/lib/navigation/checkout-return-path';
import { db } from '@/server/db';
import { getOperationOrThrow } from '@/server/wallet/activity/get-operation-or-throw';
import { NotFoundError } from '@/server/core/domain-errors';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Read once per request for both the title and the page; unknown or not yours is a 404.
const loadOperation = cache(async (id: string) => {
  const user = await requireUser();
  try {
    return await getOperationOrThrow(db(), user.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props) {
  const operation = await loadOperation((await params).id);
  return { title: (await getTranslations('operation'))(`titles.${operation.kind}.${operation.outcome}`) };
}

/** An operation's detail, and the result page after a top-up, withdrawal or transfer. */
export default async function OperationPage({ params, searchParams }: Props) {
  const operation = await loadOperation((await params).id);
  const t = await getTranslations('operation');
  const tReceipt = await getTranslations('receipts.download');
  // A top-up begun from a checkout: the way back to it comes first.
  const checkout = operation.kind === 'TOP_UP' ? checkoutReturnPath((await searchParams).next) : null;
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader
        title={t(`titles.${operation.kind}.${operation.outcome}`)}
        backHref="/activity"
        backLabel={t('back')}
      />
      <Card className="py-8">
        <OperationHero operation={operation} />
      </Card>
      <Card className="py-3">
        <h2 className="sr-only">{t('details')}</h2>
        <OperationDetails operation={operation} />
      </Card>
      {(operation.refundedAmount > 0n || operation.refundedPayment) && (
        <Card className="py-4">
          <RefundLinks operation={operation} />
        </Card>
      )}
      {operation.status === 'SUCCEEDED' && (
        <Card>
          <h2 className="mb-3 font-semibold text-gray-900">{tReceipt('title')}</h2>
          <ReceiptDownloads href={`/activity/${operation.id}/receipt`} />
        </Card>
      )}
      <Card>
        <h2 className="mb-4 font-semibold text-gray-900">{t('timeline.title')}</h2>
        <OperationTimeline kind={operation.kind} status={operation.outcome} events={operation.timeline} />
      </Card>
      <div className="grid grid-cols-2 gap-3">
        {checkout ? (
          <Link href={checkout} className={buttonVariants({ variant: 'primary' })} data-testid="continue-payment">
            <CreditCard aria-hidden className="size-4" />
            {t('continuePayment')}
          </Link>
        ) : (
          <Link href="/" className={buttonVariants({ variant: 'primary' })} data-testid="back-home">
            <House aria-hidden className="size-4" />
            {t('backHome')}
          </Link>
        )}
        <Link href="/activity" className={buttonVariants({ variant: 'secondary' })}>
          <ReceiptText aria-hidden className="size-4" />
          {t('viewActivity')}
        </Link>
      </div>
      {operation.status === 'PENDING' && <AutoRefresh intervalMs={2000} />}
    </div>
  );
}
