import { ChevronRight } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatMoney } from '@/ledger';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { AreaMessages } from '@/components/i18n/area-messages';
import { CreatePaymentRequestForm } from '@/components/receive/create-payment-request-form';
import { RequestStateBadge } from '@/components/receive/request-state-badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { MEMO_MAX } from '@/server/core/form-input';
import { db } from '@/server/db';
import { listMyPaymentRequests } from '@/server/receive/payment-requests/payment-request-view';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.requests'))('title') };
}

/** 收款单: make one, and the list of mine with their states. */
export default async function PaymentRequestsPage() {
  const user = await requireUser();
  const t = await getTranslations('receive');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const requests = await listMyPaymentRequests(db(), user.id);
  return (
    <AreaMessages area="receive">
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        <PageHeader title={t('requests.title')} backHref="/receive" backLabel={t('hub.back')} />
        <Card>
          <CreatePaymentRequestForm memoMax={MEMO_MAX} />
        </Card>
        <section aria-labelledby="my-requests" className="flex flex-col gap-2">
          <h2 id="my-requests" className="px-1 text-lg font-semibold text-gray-900">
            {t('requests.listTitle')}
          </h2>
          {requests.length === 0 ? (
            <Card>
              <p className="text-center text-gray-600">{t('requests.empty')}</p>
            </Card>
          ) : (
            <Card className="p-0">
              <ul className="divide-y divide-gray-100" data-testid="request-list">
                {requests.map((request) => (
                  <li key={request.id}>
                    <Link
                      href={`/receive/requests/${request.token}`}
                      className="flex items-center gap-3 px-4 py-3 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                      data-testid="request-row"
                    >
                      <div className="min-w-0 flex-1">
                        <p className="tabular font-semibold text-gray-900">
                          {formatMoney({ amount: request.amount, currency: 'CNY' }, locale)}
                        </p>
                        <p className="truncate text-sm text-gray-600">
                          {request.memo ? `${request.memo} · ` : ''}
                          {request.state === 'PAID' && request.payerMaskedName
                            ? t('requests.paidBy', { name: request.payerMaskedName })
                            : t('requests.expiresAt', { time: formatShanghaiMinute(request.expiresAt) })}
                        </p>
                      </div>
                      <RequestStateBadge state={request.state} />
                      <ChevronRight aria-hidden className="size-4 shrink-0 text-gray-400" />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
      </div>
    </AreaMessages>
  );
}
