import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminTime } from '@/components/admin/admin-time';
import { JsonBlock } from '@/components/admin/audit/json-block';
import { KeyValue, SectionCard } from '@/components/admin/section-card';
import { ReplayButton } from '@/components/admin/webhooks/replay-button';
import { WebhookStatusBadge } from '@/components/admin/webhooks/webhook-status-badge';
import { PageHeader } from '@/components/wallet/page-header';
import {
  getWebhookDeliveryOrThrow,
  type WebhookDeliveryDetail,
} from '@/server/admin/webhooks/get-webhook-delivery-or-throw';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('adminWebhooks'))('detailTitle') };
}

export default async function AdminWebhookDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole('ADMIN');
  const { id } = await params;
  let event: WebhookDeliveryDetail;
  try {
    event = await getWebhookDeliveryOrThrow(db(), admin.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const t = await getTranslations('adminWebhooks');
  const common = await getTranslations('adminCommon');
  const attempts = [...event.attempts].reverse();

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('detailTitle')} backHref="/admin/webhooks" backLabel={common('back')} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:items-start">
        <SectionCard data-testid="webhook-detail">
          <dl>
            <KeyValue label={t('event')}>
              <span className="font-mono text-sm">{event.type}</span>
            </KeyValue>
            <KeyValue label={t('status')}>
              <WebhookStatusBadge status={event.status} />
            </KeyValue>
            <KeyValue label={t('merchant')}>{event.shopName}</KeyValue>
            <KeyValue label={t('url')}>
              <span className="font-mono text-sm break-all">{event.url}</span>
            </KeyValue>
            <KeyValue label={t('eventId')}>
              <span className="font-mono text-sm break-all">{event.id}</span>
            </KeyValue>
            {event.orderId && (
              <KeyValue label={t('order')}>
                <span className="font-mono text-sm break-all">{event.orderId}</span>
              </KeyValue>
            )}
            <KeyValue label={common('time')}>
              <AdminTime at={event.createdAt} />
            </KeyValue>
          </dl>
          <div className="mt-4">
            <ReplayButton eventId={event.id} />
          </div>
          <div className="mt-4">
            <JsonBlock label={t('payload')} value={event.payload} />
          </div>
        </SectionCard>
        <SectionCard title={t('attemptList')} data-testid="webhook-attempts">
          {attempts.length === 0 ? (
            <p className="text-sm text-gray-500">{t('noAttempts')}</p>
          ) : (
            <ol className="divide-y divide-gray-100">
              {attempts.map((a) => (
                <li key={a.id} className="flex flex-col gap-1 py-2.5" data-testid="webhook-attempt">
                  <p className="flex flex-wrap items-baseline gap-x-3">
                    <span className="font-semibold text-gray-900">{t('attemptNumber', { number: a.number })}</span>
                    <span className="text-sm text-gray-600">{a.manual ? t('manual') : t('automatic')}</span>
                    <AdminTime at={a.createdAt} className="text-sm text-gray-500 tabular" />
                  </p>
                  <p className="text-sm tabular">
                    <span
                      className={
                        a.responseStatus !== null && a.responseStatus >= 200 && a.responseStatus < 300
                          ? 'text-green-700'
                          : 'text-danger'
                      }
                    >
                      {a.responseStatus !== null ? t('httpStatus', { status: a.responseStatus }) : t('noResponse')}
                    </span>
                    <span className="text-gray-500"> · {t('duration', { ms: a.durationMs })}</span>
                  </p>
                  {a.error && (
                    <p className="text-sm break-words text-danger">
                      {t('error')}：{a.error}
                    </p>
                  )}
                  {a.responseBody && (
                    <pre className="overflow-x-auto rounded-lg bg-gray-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-gray-800">
                      {a.responseBody}
                    </pre>
                  )}
                </li>
              ))}
            </ol>
          )}
        </SectionCard>
      </div>
      <p className="text-sm text-gray-500">
        <Link href={`/admin/audit?targetId=${event.id}`} className="text-brand-600 underline-offset-2 hover:underline">
          {t('replayHistory')}
        </Link>
      </p>
    </div>
  );
}
