import { BookOpen, ChevronRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ENTRY_KINDS } from '@/ledger';
import { AdminTime } from '@/components/admin/admin-time';
import { parseEntriesQuery } from '@/app/(app)/admin/entries/entries-query';
import { EntryStatusBadge } from '@/components/admin/entries/entry-status-badge';
import { FilterInput, FilterSelect } from '@/components/admin/filter-field';
import { hrefWith, type SearchParams } from '@/components/admin/href-with';
import { Pager } from '@/components/admin/pager';
import { SectionCard } from '@/components/admin/section-card';
import { Amount } from '@/components/money/amount';
import { Button, buttonVariants } from '@/components/ui/button';
import { isCurrency } from '@/ledger';
import { ENTRY_STATUSES, searchJournalEntries } from '@/server/admin/entries/search-journal-entries';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('adminEntries'))('title') };
}

export default async function AdminEntriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminEntries');
  const common = await getTranslations('adminCommon');
  const { query, values, errors } = parseEntriesQuery(await searchParams);
  const result = await searchJournalEntries(db(), admin.id, query);
  const kindLabel = (kind: string) => (t.has(`kinds.${kind}`) ? t(`kinds.${kind}`) : kind);
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
          action="/admin/entries"
          role="search"
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
        >
          <div className="sm:col-span-2">
            <FilterInput
              id="entryId"
              name="entryId"
              label={t('entryId')}
              defaultValue={values.entryId}
              error={fieldError('entryId')}
              autoComplete="off"
              className="font-mono"
            />
          </div>
          <FilterSelect id="kind" name="kind" label={t('kind')} defaultValue={values.kind}>
            <option value="">{common('all')}</option>
            {ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="status" name="status" label={t('status')} defaultValue={values.status}>
            <option value="">{common('all')}</option>
            {ENTRY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <div className="sm:col-span-2">
            <FilterInput
              id="userEmail"
              name="userEmail"
              type="email"
              label={t('userEmail')}
              defaultValue={values.userEmail}
              error={fieldError('userEmail')}
              autoComplete="off"
            />
          </div>
          <FilterInput
            id="amount"
            name="amount"
            label={t('amount')}
            inputMode="decimal"
            defaultValue={values.amount}
            error={fieldError('amount')}
            autoComplete="off"
          />
          <FilterSelect id="unit" name="unit" label={t('amountUnit')} defaultValue={values.unit}>
            <option value="yuan">{t('units.yuan')}</option>
            <option value="fen">{t('units.fen')}</option>
          </FilterSelect>
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
          <div className="flex items-end gap-2 sm:col-span-2">
            <Button type="submit" className="flex-1">
              {common('search')}
            </Button>
            <Link href="/admin/entries" className={buttonVariants({ variant: 'ghost' })}>
              {common('reset')}
            </Link>
          </div>
        </form>
      </SectionCard>
      <SectionCard data-testid="entry-list">
        {result.unknownUser && (
          <p className="mb-2 text-sm text-danger" data-testid="entries-unknown-user">
            {t('unknownUser')}
          </p>
        )}
        {result.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-8 text-center text-gray-500">
            <BookOpen aria-hidden className="size-10 text-gray-300" />
            <p>{common('noResults')}</p>
          </div>
        ) : (
          <ul className="divide-y divide-gray-100">
            {result.items.map((entry) => (
              <li key={entry.id}>
                <Link
                  href={`/admin/entries/${entry.id}`}
                  className="-mx-2 flex items-center gap-3 rounded-lg px-2 py-2.5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  data-testid="entry-row"
                >
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold text-gray-900">{kindLabel(entry.kind)}</span>
                      {entry.isHold && (
                        <span className="rounded bg-gray-100 px-1.5 text-xs text-gray-600">{t('holdEntry')}</span>
                      )}
                      {entry.status !== 'POSTED' && <EntryStatusBadge status={entry.status} />}
                    </p>
                    <p className="truncate font-mono text-xs text-gray-500">{entry.id}</p>
                    <p className="truncate font-mono text-xs text-gray-600" title={entry.accountCodes.join('\n')}>
                      {entry.accountCodes.join(' → ')}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-0.5">
                    <Amount
                      amount={entry.amount}
                      currency={isCurrency(entry.currency) ? entry.currency : 'CNY'}
                      className="font-semibold text-gray-900"
                    />
                    <AdminTime at={entry.createdAt} className="text-xs text-gray-500 tabular" />
                  </div>
                  <ChevronRight aria-hidden className="size-4 shrink-0 text-gray-400" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Pager
          page={result.page}
          hasNext={result.hasNext}
          hrefFor={(page) =>
            hrefWith('/admin/entries', { ...values, unit: values.unit === 'yuan' ? undefined : values.unit, page })
          }
        />
      </SectionCard>
    </div>
  );
}
