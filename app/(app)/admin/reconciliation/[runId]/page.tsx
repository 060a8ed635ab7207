import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { Currency } from '@/ledger';
import { SectionCard } from '@/components/admin/section-card';
import { BreakCard } from '@/components/admin/reconciliation/break-card';
import { RunForm } from '@/components/admin/reconciliation/run-form';
import { RunSummary } from '@/components/admin/reconciliation/run-summary';
import { PageHeader } from '@/components/wallet/page-header';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { todayBusinessDate } from '@/server/reconciliation/business-date';
import { getRunOrThrow, RUN_BREAKS_PAGE, type RunView } from '@/server/reconciliation/read-reconciliation';
import { NotFoundError } from '@/server/core/domain-errors';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('adminReconciliation'))('title') };
}

export default async function ReconciliationRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminReconciliation');
  const { runId } = await params;
  let run: RunView;
  try {
    run = await getRunOrThrow(db(), admin.id, runId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const today = todayBusinessDate();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeader
          title={t('runTitle', { date: run.businessDate })}
          backHref="/admin/reconciliation"
          backLabel={t('back')}
        />
        <RunForm defaultDate={run.businessDate} maxDate={today} fixedDate />
      </div>
      <RunSummary run={run} />
      {run.breaks.length > 0 && (
        <SectionCard title={t('breaksTitle')} data-testid="breaks">
          {run.breakCount > RUN_BREAKS_PAGE && (
            <p className="mb-3 text-sm text-gray-500">
              {t('moreBreaks', { shown: RUN_BREAKS_PAGE, total: run.breakCount })}
            </p>
          )}
          <ul className="flex flex-col divide-y divide-gray-100">
            {run.breaks.map((b) => (
              <BreakCard key={b.id} item={b} currency={run.currency as Currency} />
            ))}
          </ul>
        </SectionCard>
      )}
    </div>
  );
}
