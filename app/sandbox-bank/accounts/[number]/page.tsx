import { getLocale, getTranslations } from 'next-intl/server';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { groupAccountNumber } from '@/sandbox-bank/accounts/mask-account-number';
import { accountMovements, findAccount } from '@/sandbox-bank/accounts/read-accounts';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { listFaults } from '@/sandbox-bank/faults/faults-store';
import { bankMoney } from '@/sandbox-bank/ui/format';
import { KindBadge } from '@/sandbox-bank/ui/kind-badge';
import { MovementList } from '@/sandbox-bank/ui/movement-list';

export const dynamic = 'force-dynamic';

const SHOWN_MOVEMENTS = 100;

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return bankPageTitle(`${(await getTranslations('sandboxBank.account'))('title')} ${number.slice(-4)}`);
}

export default async function AccountPage({ params }: Props) {
  const { number } = await params;
  if (!/^\d{16,19}$/.test(number)) notFound();
  const pool = sandboxBankPool();
  const account = await findAccount(pool, number);
  if (!account) notFound();
  const [movements, faults] = await Promise.all([
    accountMovements(pool, number, { newestFirst: true, limit: SHOWN_MOVEMENTS }),
    listFaults(pool),
  ]);
  const fault = faults.find((f) => f.scope === number);
  const t = await getTranslations('sandboxBank');
  const locale = await getLocale();

  return (
    <>
      <Link
        href="/sandbox-bank"
        className="mb-3 inline-flex min-h-11 items-center text-sm font-semibold text-teal-800 hover:underline"
      >
        ← {t('account.back')}
      </Link>
      <section
        className="mb-6 rounded-2xl border border-gray-200/70 bg-white p-5 shadow-sm"
        aria-labelledby="account-title"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h1 id="account-title" className="text-xl font-semibold text-gray-900">
            {account.holderName}
          </h1>
          <KindBadge kind={account.kind} label={t(`kind.${account.kind}`)} />
        </div>
        <p className="mt-1 font-mono text-gray-700 tabular" data-testid="account-number">
          {groupAccountNumber(account.accountNumber)}
        </p>
        <p className="mt-4 text-sm text-gray-600">{t('account.balance')}</p>
        <p className="text-3xl font-semibold text-gray-900 tabular" data-testid="account-balance">
          {bankMoney(account.balance, locale)}
        </p>
        {fault ? (
          <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="account-fault">
            {t('account.faultActive', { mode: t(`faults.modes.${fault.mode}`) })}{' '}
            <Link href="/sandbox-bank/faults" className="font-semibold underline">
              {t('account.manageFaults')}
            </Link>
          </p>
        ) : null}
      </section>
      <h2 className="text-lg font-semibold text-gray-900">{t('account.movements')}</h2>
      <p className="mb-3 text-sm text-gray-600">{t('account.movementsHint', { count: SHOWN_MOVEMENTS })}</p>
      <MovementList movements={movements} emptyText={t('account.empty')} />
    </>
  );
}
