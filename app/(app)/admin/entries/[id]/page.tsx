import { CircleCheck, CircleX } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ACCOUNT_KINDS, accountType, isCurrency, type AccountKind, type Currency } from '@/ledger';
import { AdminTime } from '@/components/admin/admin-time';
import { JsonBlock } from '@/components/admin/audit/json-block';
import { Badge } from '@/components/admin/badge';
import { EntryStatusBadge } from '@/components/admin/entries/entry-status-badge';
import { KeyValue, SectionCard } from '@/components/admin/section-card';
import { Amount } from '@/components/money/amount';
import { PageHeader } from '@/components/wallet/page-header';
import {
  getJournalEntryOrThrow,
  type EntryDetail,
  type EntryPosting,
} from '@/server/admin/entries/get-journal-entry-or-throw';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('adminEntries'))('detailTitle') };
}

/** Balances are stored credit-normal; an asset account reads the other way round. */
function displayBalance(posting: EntryPosting): bigint | null {
  if (posting.balanceAfter === null) return null;
  const kind = (ACCOUNT_KINDS as readonly string[]).includes(posting.accountKind)
    ? (posting.accountKind as AccountKind)
    : null;
  return kind && accountType(kind) === 'ASSET' ? -posting.balanceAfter : posting.balanceAfter;
}

function EntryLink({ id }: { id: string }) {
  return (
    <Link
      href={`/admin/entries/${id}`}
      className="font-mono text-sm break-all text-brand-600 underline-offset-2 hover:underline"
    >
      {id}
    </Link>
  );
}

export default async function AdminEntryDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole('ADMIN');
  const { id } = await params;
  let entry: EntryDetail;
  try {
    entry = await getJournalEntryOrThrow(db(), admin.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const t = await getTranslations('adminEntries');
  const common = await getTranslations('adminCommon');
  const users = await getTranslations('adminUsers');
  const currency: Currency =
    entry.postings[0] && isCurrency(entry.postings[0].currency) ? entry.postings[0].currency : 'CNY';
  const debits = entry.postings.filter((p) => p.amount < 0n).reduce((sum, p) => sum - p.amount, 0n);
  const credits = entry.postings.filter((p) => p.amount > 0n).reduce((sum, p) => sum + p.amount, 0n);
  const balanced = debits === credits;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('detailTitle')} backHref="/admin/entries" backLabel={common('back')} />
      <SectionCard data-testid="entry-detail">
        <dl>
          <KeyValue label={t('entryId')}>
            <span className="font-mono text-sm break-all">{entry.id}</span>
          </KeyValue>
          <KeyValue label={t('kind')}>{t.has(`kinds.${entry.kind}`) ? t(`kinds.${entry.kind}`) : entry.kind}</KeyValue>
          <KeyValue label={t('status')}>
            <EntryStatusBadge status={entry.status} />
          </KeyValue>
          <KeyValue label={t('createdAt')}>
            <AdminTime at={entry.createdAt} />
          </KeyValue>
          {entry.idempotencyKey && (
            <KeyValue label={t('idempotency')}>
              <span className="font-mono text-sm break-all">
                {entry.idempotencyScope ? `${entry.idempotencyScope} / ` : ''}
                {entry.idempotencyKey}
              </span>
            </KeyValue>
          )}
          {entry.holdId && (
            <KeyValue label={t('hold')}>
              <EntryLink id={entry.holdId} />
            </KeyValue>
          )}
          {entry.postedAsId && (
            <KeyValue label={t('postedAs')}>
              <EntryLink id={entry.postedAsId} />
            </KeyValue>
          )}
          {entry.expiresAt && (
            <KeyValue label={t('expiresAt')}>
              <AdminTime at={entry.expiresAt} />
            </KeyValue>
          )}
          {entry.resolvedAt && (
            <KeyValue label={t('resolvedAt')}>
              <AdminTime at={entry.resolvedAt} />
            </KeyValue>
          )}
          {entry.operation && (
            <KeyValue label={t('operation')}>
              {users.has(`operationKinds.${entry.operation.kind}`)
                ? users(`operationKinds.${entry.operation.kind}`)
                : entry.operation.kind}{' '}
              ·{' '}
              <Link
                href={`/admin/users/${entry.operation.userId}`}
                className="font-mono text-sm break-all text-brand-600 underline-offset-2 hover:underline"
              >
                {entry.operation.id}
              </Link>
            </KeyValue>
          )}
        </dl>
        {entry.metadata && typeof entry.metadata === 'object' && Object.keys(entry.metadata).length > 0 && (
          <div className="mt-3">
            <JsonBlock label={t('metadata')} value={entry.metadata} />
          </div>
        )}
      </SectionCard>

      <SectionCard
        title={t('postings')}
        action={
          balanced ? (
            <Badge tone="green" icon={CircleCheck} data-testid="entry-balanced">
              {t('balanced')}
            </Badge>
          ) : (
            <Badge tone="red" icon={CircleX} data-testid="entry-balanced">
              {t('unbalanced')}
            </Badge>
          )
        }
        data-testid="entry-postings"
      >
        <div className="hidden grid-cols-[1fr_8rem_8rem_8rem] gap-3 border-b border-gray-200 pb-2 text-sm font-semibold text-gray-600 md:grid">
          <span>{t('account')}</span>
          <span className="text-right">{t('debit')}</span>
          <span className="text-right">{t('credit')}</span>
          <span className="text-right">{t('balanceAfter')}</span>
        </div>
        <ul className="divide-y divide-gray-100">
          {entry.postings.map((p) => {
            const balance = displayBalance(p);
            return (
              <li
                key={p.id}
                className="grid grid-cols-2 gap-x-3 gap-y-1 py-2.5 md:grid-cols-[1fr_8rem_8rem_8rem]"
                data-testid="posting-row"
              >
                <div className="col-span-2 min-w-0 md:col-span-1">
                  <p className="font-mono text-sm break-all text-gray-900">{p.accountCode}</p>
                  <p className="text-xs text-gray-500">
                    {p.owner && (
                      <Link
                        href={`/admin/users/${p.owner.userId}`}
                        className="text-brand-600 underline-offset-2 hover:underline"
                      >
                        {p.owner.email}
                      </Link>
                    )}
                    {p.owner && ' · '}
                    {p.pending ? t('pendingPosting') : `${t('seq')} ${p.accountSeq?.toString() ?? '—'}`}
                  </p>
                </div>
                <p className="text-sm md:text-right">
                  <span className="text-gray-500 md:hidden">{t('debit')} </span>
                  {p.amount < 0n ? (
                    <Amount amount={-p.amount} currency={currency} />
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </p>
                <p className="text-right text-sm">
                  <span className="text-gray-500 md:hidden">{t('credit')} </span>
                  {p.amount > 0n ? (
                    <Amount amount={p.amount} currency={currency} />
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </p>
                <p className="col-span-2 text-right text-sm text-gray-600 md:col-span-1">
                  <span className="text-gray-500 md:hidden">{t('balanceAfter')} </span>
                  {balance === null ? '—' : <Amount amount={balance} currency={currency} />}
                </p>
              </li>
            );
          })}
        </ul>
        <div className="grid grid-cols-2 gap-3 border-t border-gray-200 pt-2 text-sm font-semibold md:grid-cols-[1fr_8rem_8rem_8rem]">
          <span className="col-span-2 md:col-span-1">{t('total')}</span>
          <span className="md:text-right">
            <span className="font-normal text-gray-500 md:hidden">{t('debit')} </span>
            <Amount amount={debits} currency={currency} />
          </span>
          <span className="text-right">
            <span className="font-normal text-gray-500 md:hidden">{t('credit')} </span>
            <Amount amount={credits} currency={currency} />
          </span>
        </div>
      </SectionCard>
    </div>
  );
}
