import { ChevronRight, SearchX } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AdminTime } from '@/components/admin/admin-time';
import { FilterInput } from '@/components/admin/filter-field';
import { firstParam, hrefWith, type SearchParams } from '@/components/admin/href-with';
import { Pager } from '@/components/admin/pager';
import { SectionCard } from '@/components/admin/section-card';
import { RoleBadge, UserStatusBadge } from '@/components/admin/users/user-status-badge';
import { Button } from '@/components/ui/button';
import { parsePage } from '@/server/admin/admin-input';
import { searchUsers } from '@/server/admin/users/search-users';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminUsers'))('title') };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminUsers');
  const common = await getTranslations('adminCommon');
  const merchantT = await getTranslations('adminMerchants.statuses');
  const params = await searchParams;
  const rawQ = firstParam(params.q) ?? '';
  const q = Array.from(rawQ.trim()).slice(0, 100).join('');
  const result = await searchUsers(db(), admin.id, { q, page: parsePage(firstParam(params.page)) });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <SectionCard>
        <form method="get" action="/admin/users" role="search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <FilterInput
              id="q"
              name="q"
              type="search"
              label={t('searchLabel')}
              placeholder={t('searchPlaceholder')}
              defaultValue={q}
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <Button type="submit" className="sm:w-28">
            {common('search')}
          </Button>
        </form>
      </SectionCard>
      <SectionCard data-testid="admin-user-list">
        {result.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500">
            <SearchX aria-hidden className="size-10 text-gray-300" />
            <p>{common('noResults')}</p>
          </div>
        ) : (
          <ul className="divide-y divide-gray-100">
            {result.items.map((user) => (
              <li key={user.id}>
                <Link
                  href={`/admin/users/${user.id}`}
                  className="-mx-2 flex min-h-14 items-center gap-3 rounded-lg px-2 py-2.5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  data-testid="admin-user-row"
                >
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-semibold text-gray-900">{user.displayName}</p>
                    <p className="text-sm break-all text-gray-600 sm:truncate">{user.email}</p>
                    <div className="my-1 flex flex-wrap items-center gap-1 sm:hidden">
                      <RoleBadge role={user.role} />
                      <UserStatusBadge frozen={user.frozenAt !== null} />
                      {user.merchantStatus && user.role !== 'MERCHANT' && (
                        <span className="text-sm text-gray-500">
                          {t('merchantStatus', { status: merchantT(user.merchantStatus as 'PENDING') })}
                        </span>
                      )}
                    </div>
                    <p className="text-sm text-gray-500">
                      {t('columns.createdAt')} <AdminTime at={user.createdAt} />
                    </p>
                  </div>
                  <div className="hidden shrink-0 flex-col items-end gap-1 sm:flex">
                    <div className="flex flex-wrap justify-end gap-1">
                      <RoleBadge role={user.role} />
                      <UserStatusBadge frozen={user.frozenAt !== null} />
                    </div>
                    {user.merchantStatus && user.role !== 'MERCHANT' && (
                      <span className="text-sm text-gray-500">
                        {t('merchantStatus', { status: merchantT(user.merchantStatus as 'PENDING') })}
                      </span>
                    )}
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
          hrefFor={(page) => hrefWith('/admin/users', { q, page })}
        />
      </SectionCard>
    </div>
  );
}
