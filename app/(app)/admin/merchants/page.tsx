import { Store } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { firstParam, hrefWith, type SearchParams } from '@/components/admin/href-with';
import { MerchantDecision } from '@/components/admin/merchants/merchant-decision';
import { MerchantStatusBadge } from '@/components/admin/merchants/merchant-status-badge';
import { Pager } from '@/components/admin/pager';
import { SectionCard } from '@/components/admin/section-card';
import { cn } from '@/components/ui/cn';
import { parsePage } from '@/server/admin/admin-input';
import {
  listMerchantApplications,
  type MerchantStatusFilter,
} from '@/server/admin/merchants/list-merchant-applications';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminMerchants'))('title') };
}

const FILTERS: MerchantStatusFilter[] = ['ALL', 'PENDING', 'APPROVED', 'REJECTED'];

export default async function AdminMerchantsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminMerchants');
  const common = await getTranslations('adminCommon');
  const params = await searchParams;
  const rawStatus = firstParam(params.status);
  const status: MerchantStatusFilter = FILTERS.includes(rawStatus as MerchantStatusFilter)
    ? (rawStatus as MerchantStatusFilter)
    : 'ALL';
  const result = await listMerchantApplications(db(), admin.id, { status, page: parsePage(firstParam(params.page)) });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="text-sm text-gray-600" data-testid="merchant-pending-count">
          {t('pendingCount', { count: result.pendingCount })}
        </p>
      </div>
      <nav aria-label={t('filter')}>
        <ul className="flex flex-wrap gap-1.5">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={hrefWith('/admin/merchants', { status: f === 'ALL' ? undefined : f })}
                aria-current={f === status ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium',
                  f === status ? 'bg-gray-900 text-white' : 'text-gray-700 hover:bg-gray-100',
                )}
              >
                {f === 'ALL' ? common('all') : t(`statuses.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SectionCard data-testid="merchant-list">
        {result.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500">
            <Store aria-hidden className="size-10 text-gray-300" />
            <p>{t('empty')}</p>
          </div>
        ) : (
          <ul className="divide-y divide-gray-100">
            {result.items.map((m) => (
              <li
                key={m.id}
                className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
                data-testid="merchant-row"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-gray-900">{m.shopName}</span>
                    <MerchantStatusBadge status={m.status} />
                  </p>
                  <p className="text-sm text-gray-600">
                    {t('applicant')}{' '}
                    <Link
                      href={`/admin/users/${m.user.id}`}
                      className="text-brand-600 underline-offset-2 hover:underline"
                    >
                      {m.user.displayName} · {m.user.email}
                    </Link>
                  </p>
                  <p className="text-sm text-gray-500 tabular">
                    {t('appliedAt', { time: formatShanghaiSecond(m.createdAt) })}
                    {m.decidedAt && ` · ${t('decidedAt', { time: formatShanghaiSecond(m.decidedAt) })}`}
                  </p>
                </div>
                {m.status === 'PENDING' && (
                  <div className="sm:w-72 sm:shrink-0">
                    <MerchantDecision merchantId={m.id} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pager
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          hrefFor={(page) => hrefWith('/admin/merchants', { status: status === 'ALL' ? undefined : status, page })}
        />
      </SectionCard>
    </div>
  );
}
