import { AlertTriangle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { OpenBreakAlert } from '@/server/reconciliation/read-reconciliation';

/** The admin home's alert: each reconciled day whose latest run still has open breaks. */
export function OpenBreaksAlert({ alerts }: { alerts: OpenBreakAlert[] }) {
  const t = useTranslations('adminReconciliation');
  if (alerts.length === 0) return null;
  return (
    <section
      role="status"
      className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-900 md:p-5"
      data-testid="reconciliation-alert"
    >
      <h2 className="flex items-center gap-2 font-semibold">
        <AlertTriangle aria-hidden className="size-5" />
        {t('alertTitle')}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {alerts.map((a) => (
          <li key={a.runId} className="flex flex-wrap items-center justify-between gap-2">
            <span>{t('alertLine', { date: a.businessDate, count: a.openBreaks })}</span>
            <Link
              href={`/admin/reconciliation/${a.runId}`}
              className="inline-flex min-h-11 items-center font-semibold text-amber-900 underline"
            >
              {t('alertLink')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
