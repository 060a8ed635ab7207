import { BellOff, ChevronRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { firstParam, hrefWith, type SearchParams } from '@/components/admin/href-with';
import { Pager } from '@/components/admin/pager';
import { SectionCard } from '@/components/admin/section-card';
import { WebhookStatusBadge } from '@/components/admin/webhooks/webhook-status-badge';
import { cn } from '@/components/ui/cn';
import { parsePage } from '@/server/admin/admin-input';
import { listWebhookDeliveries } from '@/server/admin/webhooks/list-webhook-deliveries';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminWebhooks'))('title') };
}

const FILTERS = ['FAILED', 'PENDING', 'DELIVERED'] as const;
type Filter = (typeof FILTERS)[number];

export default async function AdminWebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminWebhooks');
  const common = await getTranslations('adminCommon');
  const params = await searchParams;
  const rawStatus = firstParam(params.status);
  const status = FILTERS.includes(rawStatus as Filter) ? (rawStatus as Filter) : undefined;
  const result = await listWebhookDeliveries(db(), admin.id, { status, page: parsePage(firstParam(params.page)) });
  const all = result.counts.FAILED + result.counts.PENDING + result.counts.DELIVERED;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
      </div>
      <nav aria-label={common('all')}>
        <ul className="flex flex-wrap gap-1.5">
          {([undefined, ...FILTERS] as (Filter | undefined)[]).map((f) => (
            <li key={f ?? 'ALL'}>
              <Link
                href={hrefWith('/admin/webhooks', { status: f })}
                aria-current={f === status ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center gap-1.5 rounded-lg px-3 text-sm font-medium',
                  f === status ? 'bg-gray-900 text-white' : 'text-gray-700 hover:bg-gray-100',
                )}
              >
                {f ? t(`statuses.${f}`) : common('all')}
                <span className="tabular opacity-80">{f ? result.counts[f] : all}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SectionCard data-testid="webhook-list">
        {result.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500">
            <BellOff aria-hidden className="size-10 text-gray-300" />
            <p>{t('empty')}</p>
          </div>
        ) : (
          <ul className="divide-y divide-gray-100">
            {result.items.map((e) => (
              <li key={e.id}>
                <Link
                  href={`/admin/webhooks/${e.id}`}
                  className="-mx-2 flex items-center gap-3 rounded-lg px-2 py-2.5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  data-testid="webhook-row"
                >
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-sm font-semibold text-gray-900">{e.type}</span>
                      <WebhookStatusBadge status={e.status} />
                    </p>
                    <p className="truncate text-sm text-gray-700">{e.merchant.shopName}</p>
                    <p className="truncate font-mono text-xs text-gray-500">{e.url}</p>
                    <p className="text-xs text-gray-500 tabular">
                      {t('createdAt', { time: formatShanghaiSecond(e.createdAt) })}
                      {e.status === 'PENDING' &&
                        e.nextAttemptAt &&
                        ` · ${t('nextAttempt', { time: formatShanghaiSecond(e.nextAttemptAt) })}`}
                      {e.deliveredAt && ` · ${t('deliveredAt', { time: formatShanghaiSecond(e.deliveredAt) })}`}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-0.5 text-sm">
                    <span className="text-gray-700">{t('attempts', { count: e.attemptCount })}</span>
                    <span className="text-xs text-gray-500 tabular">
                      {e.lastAttempt
                        ? e.lastAttempt.responseStatus !== null
                          ? t('httpStatus', { status: e.lastAttempt.responseStatus })
                          : t('noResponse')
                        : ''}
                    </span>
                  </div>
                  <ChevronRight aria-hidden className="size-4 shrink-0 text-gray-400" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Pager
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          hrefFor={(page) => hrefWith('/admin/webhooks', { status, page })}
        />
      </SectionCard>
    </div>
  );
}
