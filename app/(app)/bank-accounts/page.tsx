import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { BankAccountList } from '@/components/wallet/bank-account-list';
import { LinkBankAccountForm } from '@/components/wallet/link-bank-account-form';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { cardLinkReturnPath } from '@/lib/navigation/card-link-return-path';
import { listBankAccounts } from '@/server/wallet/bank-accounts/manage-bank-accounts';

export async function generateMetadata() {
  return { title: (await getTranslations('bankAccounts'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BankAccountsPage({ searchParams }: Props) {
  const user = await requireUser();
  // Sent here by a top-up, a withdrawal or a checkout: back to it once a card is linked.
  const next = cardLinkReturnPath((await searchParams).next);
  const t = await getTranslations('bankAccounts');
  const accounts = await listBankAccounts(db(), user.id);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader
        title={t('title')}
        backHref={next ?? '/me'}
        backLabel={(await getTranslations('walletPage'))('back')}
      />
      <Card>
        {accounts.length ? (
          <BankAccountList accounts={accounts} />
        ) : (
          <div className="py-4 text-center">
            <p className="font-semibold text-gray-900">{t('empty')}</p>
            <p className="text-sm text-gray-500">{t('emptyHint')}</p>
          </div>
        )}
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold text-gray-900">{t('add')}</h2>
        <LinkBankAccountForm next={next} />
        <p className="mt-3 text-sm text-gray-500">
          {t('sandboxHint')} ·{' '}
          <Link href="/sandbox-bank" className="font-semibold text-brand-600 hover:underline">
            {t('sandboxLink')}
          </Link>
        </p>
      </Card>
    </div>
  );
}
