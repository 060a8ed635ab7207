import { getTranslations } from 'next-intl/server';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { listAccounts } from '@/sandbox-bank/accounts/read-accounts';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { listFaults } from '@/sandbox-bank/faults/faults-store';
import { FaultForm } from '@/sandbox-bank/ui/fault-form';
import { FaultList } from '@/sandbox-bank/ui/fault-list';
import { PageTitle } from '@/sandbox-bank/ui/page-title';
import { requireOperatorPage } from '@/sandbox-bank/operator/require-operator';
import { OperatorSignOut } from '@/sandbox-bank/ui/operator-sign-out';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.faults'))('title'));
}

export default async function FaultsPage() {
  // Breaking the bank on purpose is the operator's job only.
  await requireOperatorPage('/sandbox-bank/faults');
  const t = await getTranslations('sandboxBank.faults');
  const pool = sandboxBankPool();
  const [faults, accounts] = await Promise.all([listFaults(pool), listAccounts(pool)]);
  const customers = accounts
    .filter((a) => a.kind === 'CUSTOMER')
    .map((a) => ({ accountNumber: a.accountNumber, holderName: a.holderName }));
  return (
    <>
      <OperatorSignOut />
      <PageTitle title={t('title')} intro={t('intro')} />
      <section aria-labelledby="current-faults" className="mb-8">
        <h2 id="current-faults" className="mb-3 text-lg font-semibold text-gray-900">
          {t('current')}
        </h2>
        <FaultList faults={faults} holders={new Map(accounts.map((a) => [a.accountNumber, a.holderName]))} />
      </section>
      <section aria-labelledby="set-fault" className="rounded-2xl border border-gray-200/70 bg-white p-5 shadow-sm">
        <h2 id="set-fault" className="mb-4 text-lg font-semibold text-gray-900">
          {t('set')}
        </h2>
        <FaultForm accounts={customers} />
      </section>
    </>
  );
}
