import { CheckCircle2, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Currency } from '@/ledger';
import { AdminTime } from '@/components/admin/admin-time';
import { Badge } from '@/components/admin/badge';
import { KeyValue, SectionCard } from '@/components/admin/section-card';
import { Amount } from '@/components/money/amount';
import type { RunView } from '@/server/reconciliation/read-reconciliation';

/** A run's balances (bank vs ledger at the day's start and end) and counts. */
export function RunSummary({ run }: { run: RunView }) {
  const t = useTranslations('adminReconciliation');
  const currency = run.currency as Currency;
  const money = (amount: bigint | null) =>
    amount === null ? t('none') : <Amount amount={amount} currency={currency} />;
  const difference =
    run.bankClosingBalance !== null && run.ledgerClosingBalance !== null
      ? run.bankClosingBalance - run.ledgerClosingBalance
      : null;
  return (
    <SectionCard data-testid="run-summary">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        {run.status === 'FAILED' ? (
          <Badge tone="red" icon={XCircle}>
            {t('statuses.FAILED')}
          </Badge>
        ) : run.openBreaks > 0 ? (
          <Badge tone="amber" icon={XCircle} data-testid="run-open-breaks">
            {t('openBreaks', { count: run.openBreaks })}
          </Badge>
        ) : (
          <Badge tone="green" icon={CheckCircle2} data-testid="run-open-breaks">
            {run.breakCount > 0 ? t('allResolved') : t('noBreaks')}
          </Badge>
        )}
        <span className="text-sm text-gray-600" data-testid="run-counts">
          {t('counts', {
            lines: run.bankLineCount,
            entries: run.ledgerEntryCount,
            matched: run.matchedCount,
            otherDay: run.otherDayCount,
          })}
        </span>
      </div>
      {run.error && <p className="mb-2 text-sm text-danger">{t('failedRun', { error: run.error })}</p>}
      <dl>
        <KeyValue label={t('bankOpening')}>{money(run.bankOpeningBalance)}</KeyValue>
        <KeyValue label={t('ledgerOpening')}>{money(run.ledgerOpeningBalance)}</KeyValue>
        <KeyValue label={t('bankClosing')} testId="bank-closing">
          {money(run.bankClosingBalance)}
        </KeyValue>
        <KeyValue label={t('ledgerClosing')} testId="ledger-closing">
          {money(run.ledgerClosingBalance)}
        </KeyValue>
        <KeyValue label={t('difference')} testId="closing-difference">
          {difference === null ? (
            t('none')
          ) : (
            <span
              className={difference === 0n ? 'text-green-700' : 'font-semibold text-danger'}
              data-difference={difference.toString()}
            >
              <Amount amount={difference} currency={currency} signed /> ·{' '}
              {difference === 0n ? t('balanceOk') : t('balanceDiff')}
            </span>
          )}
        </KeyValue>
        <KeyValue label={t('startedBy')}>
          {run.trigger === 'SCHEDULED' ? t('scheduled') : (run.startedByName ?? t('none'))} ·{' '}
          <AdminTime at={run.startedAt} />
        </KeyValue>
        <KeyValue label={t('duration')}>{t('durationMs', { ms: run.durationMs })}</KeyValue>
      </dl>
    </SectionCard>
  );
}
