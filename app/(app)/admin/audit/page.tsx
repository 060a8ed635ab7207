import { ScrollText } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AdminTime } from '@/components/admin/admin-time';
import { parseAuditQuery } from '@/app/(app)/admin/audit/audit-query';
import { JsonBlock } from '@/components/admin/audit/json-block';
import { TargetLink } from '@/components/admin/audit/target-link';
import { FilterInput, FilterSelect } from '@/components/admin/filter-field';
import { hrefWith, type SearchParams } from '@/components/admin/href-with';
import { Pager } from '@/components/admin/pager';
import { SectionCard } from '@/components/admin/section-card';
import { Button, buttonVariants } from '@/components/ui/button';
import { listAuditActions, searchAuditEvents } from '@/server/admin/audit/search-audit-events';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminAudit'))('title') };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminAudit');
  const common = await getTranslations('adminCommon');
  const { query, values, errors } = parseAuditQuery(await searchParams);
  const [result, actions] = await Promise.all([
    searchAuditEvents(db(), admin.id, query),
    listAuditActions(db(), admin.id),
  ]);
  const actionLabel = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const targetLabel = (type: string) => (t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type);
  const fieldError = (field: string) => (errors[field] ? common(`fieldErrors.${errors[field]}`) : undefined);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
      </div>
      <SectionCard>
        <form
          method="get"
          action="/admin/audit"
          role="search"
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          <FilterInput
            id="actor"
            name="actor"
            label={t('actor')}
            defaultValue={values.actor}
            error={fieldError('actor')}
            autoComplete="off"
          />
          <FilterSelect id="action" name="action" label={t('action')} defaultValue={values.action}>
            <option value="">{common('all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </FilterSelect>
          <FilterInput
            id="targetId"
            name="targetId"
            label={t('targetId')}
            defaultValue={values.targetId}
            error={fieldError('targetId')}
            autoComplete="off"
          />
          <FilterInput
            id="from"
            name="from"
            type="date"
            label={common('from')}
            defaultValue={values.from}
            error={fieldError('from')}
          />
          <FilterInput
            id="to"
            name="to"
            type="date"
            label={common('to')}
            defaultValue={values.to}
            error={fieldError('to')}
          />
          <div className="flex items-end gap-2">
            <Button type="submit" className="flex-1">
              {common('search')}
            </Button>
            <Link href="/admin/audit" className={buttonVariants({ variant: 'ghost' })}>
              {common('reset')}
            </Link>
          </div>
        </form>
      </SectionCard>
      <SectionCard data-testid="audit-list">
        {result.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500">
            <ScrollText aria-hidden className="size-10 text-gray-300" />
            <p>{common('noResults')}</p>
          </div>
        ) : (
          <ol className="divide-y divide-gray-100">
            {result.items.map((event) => (
              <li
                key={event.id}
                className="flex flex-col gap-1 py-3"
                data-testid="audit-row"
                data-action={event.action}
              >
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                  <span className="font-semibold text-gray-900">{actionLabel(event.action)}</span>
                  <AdminTime at={event.createdAt} className="text-sm text-gray-500 tabular" />
                </div>
                <p className="text-sm text-gray-600">
                  {t('columns.actor')}: {event.actorEmail ?? t('unknownActor')}
                </p>
                <p className="text-sm">
                  <TargetLink
                    targetType={event.targetType}
                    targetId={event.targetId}
                    label={targetLabel(event.targetType)}
                  />
                </p>
                {event.note && (
                  <p className="text-sm break-words text-gray-800" data-testid="audit-note">
                    {common('note')}：{event.note}
                  </p>
                )}
                <details className="text-sm">
                  <summary className="min-h-9 cursor-pointer py-1 text-brand-600">{t('changes')}</summary>
                  <div className="mt-1 flex flex-col gap-2 sm:flex-row">
                    <JsonBlock label={t('before')} value={event.before} />
                    <JsonBlock label={t('after')} value={event.after} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
        <Pager
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          hrefFor={(page) => hrefWith('/admin/audit', { ...values, page })}
        />
      </SectionCard>
    </div>
  );
}
