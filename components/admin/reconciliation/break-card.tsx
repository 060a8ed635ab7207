import { CheckCircle2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { DEFAULT_CURRENCY, formatMoney, type Currency } from '@/ledger';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { AdminTime } from '@/components/admin/admin-time';
import { Badge } from '@/components/admin/badge';
import { Amount } from '@/components/money/amount';
import { WRITE_OFF_NOTE_MAX, actionsForBreak, writeOffAmount } from '@/lib/reconciliation/break-actions';
import type { BreakView } from '@/server/reconciliation/read-reconciliation';
import { BreakActions } from './break-actions';
import { CategoryBadge } from './category-badge';
import { useLocale } from 'next-intl';

/** One break in the queue: what differs, where, and what can be done (or who did what). */
export function BreakCard({ item, currency = DEFAULT_CURRENCY }: { item: BreakView; currency?: Currency }) {
  const t = useTranslations('adminReconciliation');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const resolution = item.resolution;
  const actions = actionsForBreak(item);
  const writeOff = writeOffAmount(item);
  const money = (amount: bigint | null) =>
    amount === null ? (
      <span className="text-gray-400">{t('none')}</span>
    ) : (
      <Amount amount={amount} currency={currency} signed />
    );
  const writeOffText = t('writeOffAmount', {
    amount: formatMoney({ amount: writeOff, currency }, locale, { signed: true }),
  });

  return (
    <li
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0"
      data-testid="break"
      data-category={item.category}
      data-reference={item.reference ?? ''}
      data-bank-reference={item.bankReference ?? ''}
      data-resolved={resolution !== null}
    >
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={item.category} />
        <span className="text-sm text-gray-600">{t(`categoryHints.${item.category}`)}</span>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <Field label={t('bankReference')}>
          <span className="font-mono break-all" data-testid="break-bank-reference">
            {item.bankReference ?? t('none')}
          </span>
        </Field>
        <Field label={t('reference')}>
          <span className="font-mono break-all">{item.reference ?? t('none')}</span>
        </Field>
        <Field label={t('bankAmount')}>{money(item.bankAmount)}</Field>
        <Field label={t('ledgerAmount')}>{money(item.ledgerAmount)}</Field>
        <Field label={t('operation')}>
          {item.operationId ? (
            <span>
              {item.operationKind && t.has(`operationKinds.${item.operationKind}`)
                ? t(`operationKinds.${item.operationKind}`)
                : item.operationKind}
              {item.operationStatus &&
                ` · ${t.has(`operationStatuses.${item.operationStatus}`) ? t(`operationStatuses.${item.operationStatus}`) : item.operationStatus}`}
            </span>
          ) : (
            <span className="text-gray-500">{t('noOperation')}</span>
          )}
        </Field>
        {item.bankBookedAt && (
          <Field label={t('bookedAt')}>
            <AdminTime at={item.bankBookedAt} />
          </Field>
        )}
      </dl>
      {resolution ? (
        <div
          className="flex flex-col gap-1 rounded-xl bg-green-50 p-3 text-sm text-gray-800"
          data-testid="break-resolution"
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="green" icon={CheckCircle2}>
              {t('resolved')}
            </Badge>
            <span className="font-semibold">
              {t(`resolutionActions.${resolution.action as 'BOOK_FROM_BANK' | 'WRITE_OFF'}`)}
            </span>
          </div>
          <span className="text-gray-600">
            {t('resolvedBy', {
              name: resolution.actorName ?? resolution.actorId,
              time: formatShanghaiSecond(resolution.createdAt),
            })}
          </span>
          {resolution.note && <span className="break-words">{resolution.note}</span>}
          {resolution.ledgerEntryId && (
            <span className="font-mono text-xs break-all text-gray-600">
              {t('ledgerEntry', { id: resolution.ledgerEntryId })}
            </span>
          )}
        </div>
      ) : (
        <BreakActions breakId={item.id} actions={actions} writeOffText={writeOffText} noteMax={WRITE_OFF_NOTE_MAX} />
      )}
    </li>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline justify-between gap-3 border-b border-gray-100 py-1 sm:justify-start">
      <dt className="shrink-0 text-gray-500 sm:w-24">{label}</dt>
      <dd className="min-w-0 text-right text-gray-900 sm:text-left">{children}</dd>
    </div>
  );
}
