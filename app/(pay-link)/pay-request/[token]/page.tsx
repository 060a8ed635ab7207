import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatMoney } from '@/ledger';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { PayLinkNotice } from '@/components/receive/pay-link-notice';
import { PayRequestForm } from '@/components/receive/pay-request-form';
import { RequestStateBadge } from '@/components/receive/request-state-badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { db } from '@/server/db';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { findPaymentRequestByToken } from '@/server/receive/payment-requests/payment-request-view';
import { LINK_TOKEN } from '@/server/receive/receive-codes';
import { requireUserReturningTo } from '@/server/receive/sign-in-to-return';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.payRequest'))('title') };
}

type Props = { params: Promise<{ token: string }> };

/** What a payment request's link opens: who asks, how much and why; pay with the PIN while it is open. */
export default async function PayRequestPage({ params }: Props) {
  const { token } = await params;
  const user = await requireUserReturningTo(`/pay-request/${encodeURIComponent(token)}`);
  const t = await getTranslations('receive.payRequest');
  const header = <PageHeader title={t('title')} backLabel={t('home')} />;
  const request = LINK_TOKEN.test(token) ? await findPaymentRequestByToken(db(), token) : null;
  if (!request) {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <PayLinkNotice title={t('notFoundTitle')} text={t('notFoundText')} testId="pay-request-not-found" />
      </div>
    );
  }
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const amount = formatMoney({ amount: request.amount, currency: 'CNY' }, locale);
  const mine = request.requesterId === user.id;
  const [pin, frozenAt] = await Promise.all([paymentPinStatus(db(), user.id), getOwnFrozenAt(db(), user.id)]);

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      {header}
      <Card className="flex flex-col gap-5" data-testid="pay-request">
        <div className="flex flex-col items-center gap-2 text-center">
          <p className="text-gray-700">
            {t('requester')} <span className="font-semibold text-gray-900">{request.requesterMaskedName}</span>
          </p>
          <p className="tabular text-4xl font-semibold text-gray-900" data-testid="pay-request-amount">
            {amount}
          </p>
          <RequestStateBadge state={request.state} />
        </div>
        <dl className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4 text-sm">
          {request.memo ? (
            <div className="flex justify-between gap-4">
              <dt className="text-gray-600">{t('memo')}</dt>
              <dd className="text-right break-all text-gray-900" data-testid="pay-request-memo">
                {request.memo}
              </dd>
            </div>
          ) : null}
          <div className="flex justify-between gap-4">
            <dt className="text-gray-600">{t('expiresAt')}</dt>
            <dd className="tabular text-right text-gray-900">{formatShanghaiMinute(request.expiresAt)}</dd>
          </div>
        </dl>
        {mine ? (
          <Closed title={t('ownTitle')} text={t('ownText')}>
            <Link href={`/receive/requests/${request.token}`} className="font-semibold text-brand-600 hover:underline">
              {t('manage')}
            </Link>
          </Closed>
        ) : request.state === 'PAID' ? (
          <Closed title={request.payerId === user.id ? t('paidByYou') : t('paidTitle')} text={t('paidText')}>
            {request.payerId === user.id && request.operationId ? (
              <Link href={`/activity/${request.operationId}`} className="font-semibold text-brand-600 hover:underline">
                {t('viewPayment')}
              </Link>
            ) : null}
          </Closed>
        ) : request.state === 'EXPIRED' ? (
          <Closed title={t('expiredTitle')} text={t('expiredText')} />
        ) : request.state === 'CANCELLED' ? (
          <Closed title={t('cancelledTitle')} text={t('cancelledText')} />
        ) : frozenAt ? (
          <AccountFrozenBanner />
        ) : (
          <PinSetupGate isSet={pin.isSet} action="pay">
            <PayRequestForm
              token={request.token}
              amount={amount}
              pinLockedUntil={pin.lockedUntil?.toISOString() ?? null}
            />
          </PinSetupGate>
        )}
      </Card>
    </div>
  );
}

function Closed({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-gray-50 p-4" data-testid="pay-request-closed">
      <p className="font-semibold text-gray-900">{title}</p>
      <p className="text-sm text-gray-700">{text}</p>
      {children}
    </div>
  );
}
