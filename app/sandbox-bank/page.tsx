import { getLocale, getTranslations } from 'next-intl/server';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import Link from 'next/link';
import { groupAccountNumber } from '@/sandbox-bank/accounts/mask-account-number';
import { listAccounts } from '@/sandbox-bank/accounts/read-accounts';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { bankMoney } from '@/sandbox-bank/ui/format';
import { KindBadge } from '@/sandbox-bank/ui/kind-badge';
import { PageTitle } from '@/sandbox-bank/ui/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.home'))('title'));
}

export default async function SandboxBankHome() {
  const t = await getTranslations('sandboxBank');
  const locale = await getLocale();
  const accounts = await listAccounts(sandboxBankPool());
  return (
    <>
      <PageTitle title={t('home.title')} intro={t('home.intro')} />
      {accounts.length === 0 ? (
        <p className="text-gray-600">{t('home.empty')}</p>
      ) : (
        <ul
          className="divide-y divide-gray-100 rounded-2xl border border-gray-200/70 bg-white shadow-sm"
          data-testid="account-list"
        >
          {accounts.map((a) => (
            <li key={a.accountNumber}>
              <Link
                href={`/sandbox-bank/accounts/${a.accountNumber}`}
                data-testid="account-row"
                data-account-number={a.accountNumber}
                className="flex min-h-11 items-center justify-between gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-700"
              >
                <span className="min-w-0">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-gray-900">{a.holderName}</span>
                    <KindBadge kind={a.kind} label={t(`kind.${a.kind}`)} />
                  </span>
                  <span className="block font-mono text-sm text-gray-600 tabular">
                    <span className="sr-only">{t('home.number')}: </span>
                    {groupAccountNumber(a.accountNumber)}
                  </span>
                </span>
                <span className="shrink-0 text-right">
                  <span className="sr-only">{t('home.balance')}: </span>
                  <span className="tabular font-semibold text-gray-900" data-testid="account-balance">
                    {bankMoney(a.balance, locale)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
