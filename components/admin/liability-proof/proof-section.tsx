// The admin reconciliation page's proof of liabilities: its alerts, "build now", the chain.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SectionCard } from '@/components/admin/section-card';
import { ProofChainTable } from '@/components/liability-proof/proof-chain-table';
import type { ProofAlerts as Alerts, ProofRootView } from '@/server/liability-proof/read-proof-roots';
import { BuildProofForm } from './build-proof-form';
import { ProofAlerts } from './proof-alerts';

type Props = { roots: ProofRootView[]; signatures: Map<string, boolean>; alerts: Alerts; yesterday: string };

export async function ProofSection({ roots, signatures, alerts, yesterday }: Props) {
  const t = await getTranslations('adminProof');
  return (
    <>
      <ProofAlerts alerts={alerts} />
      <SectionCard
        title={t('title')}
        data-testid="proof-section"
        action={
          <Link
            href="/proof"
            className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline"
          >
            {t('publicPage')}
          </Link>
        }
      >
        <p className="mb-3 text-sm text-gray-600">{t('intro')}</p>
        <BuildProofForm defaultDate={yesterday} maxDate={yesterday} />
        <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-900">{t('chain')}</h3>
        <ProofChainTable roots={roots} signatures={signatures} />
      </SectionCard>
    </>
  );
}
