import { getLocale, getTranslations } from 'next-intl/server';
import { WorkspaceSwitch } from '@/components/shell/workspace-switch';
import { AdminSectionCards } from '@/components/admin/admin-section-cards';
import { BooksLinks } from '@/components/admin/reconciliation/books-links';
import { OpenBreaksAlert } from '@/components/admin/reconciliation/open-breaks-alert';
import { ProofAlerts } from '@/components/admin/liability-proof/proof-alerts';
import { listProofAlerts } from '@/server/liability-proof/read-proof-roots';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { formatMoney } from '@/ledger';
import { getAdminOverview } from '@/server/admin/get-admin-overview';
import { listOpenBreakAlerts } from '@/server/reconciliation/read-reconciliation';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHomePage() {
  const admin = await requireRole('ADMIN');
  const t = await getTranslations('admin');
  const reconciliationAlerts = await listOpenBreakAlerts(db(), admin.id);
  const overview = await getAdminOverview(db(), admin.id);
  const proofAlerts = await listProofAlerts(db());
  const home = await getTranslations('adminHome');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <WorkspaceSwitch role="ADMIN" current="console" />
      </div>
      <OpenBreaksAlert alerts={reconciliationAlerts} />
      <ProofAlerts alerts={proofAlerts} />
      <BooksLinks />
      <AdminSectionCards
        hints={{
          users: home('usersHint'),
          merchants: home('merchantsHint', { count: overview.pendingMerchants }),
          entries: home('entriesHint'),
          revenue: home('revenueHint', {
            total: formatMoney({ amount: overview.revenue30Days, currency: overview.currency }, locale),
          }),
          webhooks: home('webhooksHint', { count: overview.failedWebhooks }),
          audit: home('auditHint'),
        }}
        attention={{ merchants: overview.pendingMerchants > 0, webhooks: overview.failedWebhooks > 0 }}
      />
    </div>
  );
}
