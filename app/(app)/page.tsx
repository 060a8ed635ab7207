import { ArrowDownToLine, ArrowLeftRight, ArrowUpFromLine, ScanLine } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Amount } from '@/components/money/amount';
import { Card } from '@/components/ui/card';
import { ActivityEmpty } from '@/components/home/activity-empty';
import { requireUser } from '@/server/auth/current-user';
import { getWalletOverview } from '@/server/wallet/get-wallet-overview';

export async function generateMetadata() {
  return { title: (await getTranslations('nav'))('home') };
}

const ACTIONS = [
  { key: 'topUp', Icon: ArrowDownToLine },
  { key: 'pay', Icon: ScanLine },
  { key: 'transfer', Icon: ArrowLeftRight },
  { key: 'withdraw', Icon: ArrowUpFromLine },
] as const;

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations('home');
  const wallet = await getWalletOverview(user.id);

  return (
    <div className="flex flex-col gap-4 md:gap-6">
      <h1 className="text-lg font-semibold text-gray-900">{t('greeting', { name: user.displayName })}</h1>
      <Card className="bg-gradient-to-br from-brand-600 to-brand-700 text-white">
        <p className="text-sm text-white/80">{t('availableBalance')}</p>
        <p className="mt-1 text-4xl font-semibold tracking-tight" data-testid="available-balance">
          <Amount amount={wallet.available} currency={wallet.currency} />
        </p>
        <dl className="mt-4 flex gap-6 text-sm text-white/85">
          <div>
            <dt>{t('pending')}</dt>
            <dd className="font-semibold text-white">
              <Amount amount={wallet.pendingCredits} currency={wallet.currency} />
            </dd>
          </div>
          <div>
            <dt>{t('onHold')}</dt>
            <dd className="font-semibold text-white">
              <Amount amount={wallet.onHold} currency={wallet.currency} />
            </dd>
          </div>
        </dl>
      </Card>
      <Card className="grid grid-cols-4 gap-2 p-3">
        {ACTIONS.map(({ key, Icon }) => (
          <button
            key={key}
            type="button"
            disabled
            title={t('actions.comingSoon')}
            className="flex min-h-16 flex-col items-center justify-center gap-1 rounded-xl text-sm text-gray-700 disabled:opacity-60"
          >
            <Icon aria-hidden className="size-6 text-brand-600" />
            {t(`actions.${key}`)}
          </button>
        ))}
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold text-gray-900">{t('recentActivity')}</h2>
        <ActivityEmpty />
      </Card>
    </div>
  );
}
