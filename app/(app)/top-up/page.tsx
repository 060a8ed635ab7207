import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/ledger';
import { Card } from '@/components/ui/card';
import { NeedBankAccount } from '@/components/wallet/need-bank-account';
import { PageHeader } from '@/components/wallet/page-header';
import { TopUpForm } from '@/components/wallet/top-up-form';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { listBankAccounts } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { getLimitsView } from '@/server/wallet/operations/limits-view';

export async function generateMetadata() {
  return { title: (await getTranslations('topUp'))('title') };
}

export default async function TopUpPage() {
  const user = await requireUser();
  const t = await getTranslations('topUp');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const [accounts, limits] = await Promise.all([listBankAccounts(db(), user.id), getLimitsView(db(), user.id, 'TOP_UP')]);
  const money = (amount: bigint) => formatMoney({ amount, currency: 'CNY' }, locale);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t('title')} backLabel={(await getTranslations('walletPage'))('back')} />
      <Card>
        {accounts.length ? (
          <TopUpForm accounts={accounts} limitsText={t('limits', { perOperation: money(limits.perOperation), remainingToday: money(limits.remainingToday) })} />
        ) : (
          <NeedBankAccount message={t('noAccount')} />
        )}
      </Card>
    </div>
  );
}
