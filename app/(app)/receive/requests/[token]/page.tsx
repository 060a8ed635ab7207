import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatMoney } from '@/ledger';
import { CopyButton } from '@/components/activity/copy-button';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { AreaMessages } from '@/components/i18n/area-messages';
import { CancelRequestButton } from '@/components/receive/cancel-request-button';
import { LinkQr } from '@/components/receive/link-qr';
import { RequestStateBadge } from '@/components/receive/request-state-badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { appUrl } from '@/server/env';
import { findPaymentRequestByToken } from '@/server/receive/payment-requests/payment-request-view';
import { LINK_TOKEN } from '@/server/receive/receive-codes';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.requestDetail'))('title') };
}

type Props = { params: Promise<{ token: string }> };

/** One of my payment requests: its QR and link to share while open, its state, cancel. */
export default async function PaymentRequestPage({ params }: Props) {
  const user = await requireUser();
  const { token } = await params;
  const request = LINK_TOKEN.test(token) ? await findPaymentRequestByToken(db(), token) : null;
  // Another user's request is not found, not forbidden (nobody learns what exists).
  if (!request || request.requesterId !== user.id) notFound();
  const t = await getTranslations('receive');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const amount = formatMoney({ amount: request.amount, currency: 'CNY' }, locale);
  const url = `${appUrl()}/pay-request/${request.token}`;
  return (
    <AreaMessages area="receive">
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        <PageHeader title={t('requestDetail.title')} backHref="/receive/requests" backLabel={t('hub.back')} />
        <Card className="flex flex-col items-center gap-4 text-center" data-testid="request-detail">
          <RequestStateBadge state={request.state} />
          <p className="tabular text-3xl font-semibold text-gray-900" data-testid="request-amount">
            {amount}
          </p>
          {request.state === 'OPEN' ? (
            <>
              <LinkQr
                url={url}
                alt={t('requestDetail.qrAlt', { amount })}
                size={224}
                className="aspect-square w-full max-w-56 rounded-lg border border-gray-200"
                testId="request-qr"
              />
              <p className="text-sm text-gray-600">{t('requestDetail.share')}</p>
              <div className="flex w-full items-center gap-1 rounded-lg bg-gray-50 px-3 py-2 text-left">
                <span className="sr-only">{t('requestDetail.link')}</span>
                <span className="min-w-0 flex-1 truncate text-sm text-gray-700" data-testid="request-url">
                  {url}
                </span>
                <CopyButton value={url} label={t('requestDetail.link')} />
              </div>
            </>
          ) : null}
          <dl className="flex w-full flex-col gap-2 rounded-xl bg-gray-50 p-4 text-left text-sm">
            {request.memo ? <Row label={t('requestDetail.memo')} value={request.memo} /> : null}
            <Row label={t('requestDetail.createdAt')} value={formatShanghaiMinute(request.createdAt)} />
            <Row label={t('requestDetail.expiresAt')} value={formatShanghaiMinute(request.expiresAt)} />
            {request.paidAt ? (
              <Row label={t('requestDetail.paidAt')} value={formatShanghaiMinute(request.paidAt)} />
            ) : null}
            {request.payerMaskedName ? <Row label={t('requestDetail.payer')} value={request.payerMaskedName} /> : null}
          </dl>
          {request.state === 'OPEN' ? <CancelRequestButton requestId={request.id} /> : null}
          {request.state === 'PAID' && request.operationId ? (
            <Link href={`/activity/${request.operationId}`} className="font-semibold text-brand-600 hover:underline">
              {t('requestDetail.viewTransfer')}
            </Link>
          ) : null}
        </Card>
      </div>
    </AreaMessages>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-gray-600">{label}</dt>
      <dd className="tabular text-right break-all text-gray-900">{value}</dd>
    </div>
  );
}
