import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { requireOperatorPage } from '@/sandbox-bank/operator/require-operator';
import { listHolderPhones } from '@/sandbox-bank/phone/read-phone';
import { maskPhone } from '@/sandbox-bank/phone/send-text';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { OperatorSignOut } from '@/sandbox-bank/ui/operator-sign-out';
import { PageTitle } from '@/sandbox-bank/ui/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.phone'))('listTitle'));
}

/** The simulated phones of the bank's holders: the operator picks whose texts to read. */
export default async function PhonesPage() {
  await requireOperatorPage('/sandbox-bank/phone');
  const t = await getTranslations('sandboxBank.phone');
  const phones = await listHolderPhones(sandboxBankPool());
  return (
    <>
      <OperatorSignOut />
      <PageTitle title={t('listTitle')} intro={t('listIntro')} />
      <ul className="divide-y divide-gray-100 rounded-2xl border border-gray-200/70 bg-white shadow-sm">
        {phones.map((p) => (
          <li key={p.accountNumber}>
            <Link
              href={`/sandbox-bank/phone/${p.accountNumber}`}
              data-testid="phone-row"
              data-account-number={p.accountNumber}
              className="flex min-h-11 items-center justify-between gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-700"
            >
              <span className="font-semibold text-gray-900">{p.holderName}</span>
              <span className="font-mono text-sm text-gray-600 tabular">
                {maskPhone(p.phone)} · {p.accountNumber.slice(-4)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
