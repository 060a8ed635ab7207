import { getLocale, getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { formatMoney } from '@/ledger';
import { BalanceCard } from '@/components/home/balance-card';
import { BalanceChartCard } from '@/components/home/balance-chart-card';
import { summariseBalances } from '@/components/home/balance-summary';
import { HIDE_BALANCE_COOKIE } from '@/components/home/balance-visibility-cookie';
import { BalanceVisibilityProvider } from '@/components/home/balance-visibility';
import { HomeActions } from '@/components/home/home-actions';
import { RecentActivity } from '@/components/home/recent-activity';
import { WorkspaceSwitch } from '@/components/shell/workspace-switch';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { requireUser } from '@/server/auth/current-user';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { db } from '@/server/db';
import { listActivity } from '@/server/wallet/activity/list-activity';
import { getBalanceHistory } from '@/server/wallet/balance-history';
import { getWalletOverview } from '@/server/wallet/get-wallet-overview';

/**
 * The personal wallet's home: balance, the money actions, recent activity, the 30-day chart.
 * A customer's `/`; merchants and admins open it at /wallet (their `/` is their own console).
 */
export async function WalletHome() {
  const user = await requireUser();
  const t = await getTranslations('home');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const [wallet, history, recent, cookieStore, frozenAt] = await Promise.all([
    getWalletOverview(user.id),
    getBalanceHistory(db(), user.id, 30),
    listActivity(db(), user.id, {}, { limit: 5 }),
    cookies(),
    getOwnFrozenAt(db(), user.id),
  ]);
  const money = (amount: bigint) => formatMoney({ amount, currency: wallet.currency }, locale);
  const summary = summariseBalances(history);

  return (
    <BalanceVisibilityProvider initialHidden={cookieStore.get(HIDE_BALANCE_COOKIE)?.value === '1'}>
      <div className="flex flex-col gap-4 md:gap-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-lg font-semibold text-gray-900">{t('greeting', { name: user.displayName })}</h1>
          <WorkspaceSwitch role={user.role} current="wallet" />
        </div>
        {frozenAt && <AccountFrozenBanner />}
        <BalanceCard
          currency={wallet.currency}
          available={wallet.available.toString()}
          pending={wallet.pendingCredits.toString()}
          onHold={wallet.onHold.toString()}
        />
        <HomeActions frozen={frozenAt !== null} />
        <div className="grid grid-cols-1 gap-4 md:gap-6 lg:grid-cols-2 lg:items-start">
          <RecentActivity items={recent.items} />
          <BalanceChartCard
            points={history.map((p) => ({ date: p.date, minor: p.balance.toString(), label: money(p.balance) }))}
            summary={
              summary && {
                start: money(summary.start),
                end: money(summary.end),
                max: money(summary.max),
                min: money(summary.min),
              }
            }
          />
        </div>
      </div>
    </BalanceVisibilityProvider>
  );
}
