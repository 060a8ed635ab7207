import { getTranslations } from 'next-intl/server';
import { SectionCard } from '@/components/admin/section-card';
import { OpenBreaksAlert } from '@/components/admin/reconciliation/open-breaks-alert';
import { RunForm } from '@/components/admin/reconciliation/run-form';
import { RunsList } from '@/components/admin/reconciliation/runs-list';
import { ProofSection } from '@/components/admin/liability-proof/proof-section';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { previousBusinessDate, todayBusinessDate } from '@/server/reconciliation/business-date';
import { listOpenBreakAlerts, listRecentRuns } from '@/server/reconciliation/read-reconciliation';
import { listProofAlerts, listProofRoots } from '@/server/liability-proof/read-proof-roots';
import { rootSignatureStatus } from '@/server/liability-proof/root-signature-status';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('adminReconciliation'))('title') };
}

export default async function ReconciliationPage() {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('adminReconciliation');
  const runs = await listRecentRuns(db(), admin.id, 30);
  const alerts = await listOpenBreakAlerts(db(), admin.id);
  const today = todayBusinessDate();
  const proofRoots = await listProofRoots(db(), 30);
  const proofAlerts = await listProofAlerts(db());
  const proofSignatures = await rootSignatureStatus(proofRoots);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-gray-600">{t('intro')}</p>
      </div>
      <OpenBreaksAlert alerts={alerts} />
      <SectionCard>
        <RunForm defaultDate={today} maxDate={today} />
      </SectionCard>
      <SectionCard title={t('recentRuns')}>
        <RunsList runs={runs} />
      </SectionCard>
      <ProofSection
        roots={proofRoots}
        signatures={proofSignatures}
        alerts={proofAlerts}
        yesterday={previousBusinessDate()}
      />
    </div>
  );
}
