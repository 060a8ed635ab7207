import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { AdminTime } from '@/components/admin/admin-time';
import { Badge } from '@/components/admin/badge';
import type { ReconciliationRun } from '@/server/generated/prisma/client';

/** Recent runs, newest first: one row each, wrapping on a phone. */
export function RunsList({ runs }: { runs: ReconciliationRun[] }) {
  const t = useTranslations('adminReconciliation');
  if (runs.length === 0) return <p className="text-sm text-gray-500">{t('noRuns')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-gray-100" data-testid="runs-list">
      {runs.map((run) => {
        const balanced = run.bankClosingBalance !== null && run.bankClosingBalance === run.ledgerClosingBalance;
        return (
          <li key={run.id}>
            <Link
              href={`/admin/reconciliation/${run.id}`}
              className="flex items-center gap-3 py-3 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
              data-testid="run-row"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-gray-900 tabular">{run.businessDate}</span>
                  {run.status === 'FAILED' ? (
                    <Badge tone="red">{t('statuses.FAILED')}</Badge>
                  ) : run.breakCount > 0 ? (
                    <Badge tone="amber">{`${t('breaks')} ${run.breakCount}`}</Badge>
                  ) : (
                    <Badge tone="green">{t('noBreaks')}</Badge>
                  )}
                  {run.status === 'COMPLETED' && (
                    <span className={`text-sm ${balanced ? 'text-gray-600' : 'text-danger'}`}>
                      {t('balanceCheck')} {balanced ? t('balanceOk') : t('balanceDiff')}
                    </span>
                  )}
                </div>
                <div className="flex flex-wrap gap-x-3 text-sm text-gray-500">
                  <AdminTime at={run.startedAt} />
                  <span>{t(`triggers.${run.trigger as 'MANUAL' | 'SCHEDULED'}`)}</span>
                  <span>
                    {t('lines')} {run.bankLineCount} · {t('matched')} {run.matchedCount}
                  </span>
                </div>
              </div>
              <ChevronRight aria-hidden className="size-5 shrink-0 text-gray-400" />
              <span className="sr-only">{t('view')}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
