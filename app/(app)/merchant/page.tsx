import { ArrowRight, Code2, FileSpreadsheet, Landmark } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Amount } from '@/components/money/amount';
import { WorkspaceSwitch } from '@/components/shell/workspace-switch';
import { OrderList } from '@/components/merchant/order-list';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { db } from '@/server/db';
import { getMerchantOverview } from '@/server/merchants/get-merchant-overview';
import { requireMerchant } from '@/server/merchants/require-merchant';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.home'))('title') };
}

/** Basis points as a percentage text: 60 → "0.6%". */
function percent(bps: number): string {
  return `${(bps / 100).toString()}%`;
}

export default async function MerchantHomePage() {
  const { merchant } = await requireMerchant();
  const t = await getTranslations('merchantDashboard.home');
  const overview = await getMerchantOverview(db(), merchant);
  const { balance, today } = overview;
  const links = [
    { href: '/merchant/payouts', label: t('payout'), Icon: Landmark },
    { href: '/merchant/bills', label: t('bills'), Icon: FileSpreadsheet },
    { href: '/merchant/developers', label: t('developers'), Icon: Code2 },
  ];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
          <p className="text-sm text-gray-600" data-testid="shop-name">
            {t('shop')} · {merchant.shopName}
          </p>
        </div>
        <WorkspaceSwitch role="MERCHANT" current="console" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="border-0 bg-gradient-to-br from-brand-600 to-brand-700 text-white lg:col-span-2">
          <p className="text-sm text-white/85">{t('available')}</p>
          <p className="mt-1 text-4xl font-semibold tracking-tight" data-testid="merchant-available">
            <Amount amount={balance.available} currency={balance.currency} />
          </p>
          <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm text-white/85">
            <div>
              <dt>{t('onHold')}</dt>
              <dd className="font-semibold text-white" data-testid="merchant-on-hold">
                <Amount amount={balance.onHold} currency={balance.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('posted')}</dt>
              <dd className="font-semibold text-white">
                <Amount amount={balance.posted} currency={balance.currency} />
              </dd>
            </div>
          </dl>
          <Link
            href="/merchant/payouts"
            className={buttonVariants({ variant: 'secondary', className: 'mt-4 border-0' })}
          >
            {t('payout')}
          </Link>
        </Card>
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-1">
          <Card className="flex flex-col gap-1">
            <p className="text-sm text-gray-600">{t('todayPaid')}</p>
            <p className="text-2xl font-semibold text-gray-900" data-testid="today-paid-amount">
              <Amount amount={today.paidAmount} currency={balance.currency} />
            </p>
            <p className="text-sm text-gray-600" data-testid="today-paid-count">
              {t('todayCount', { count: today.paidCount })}
            </p>
          </Card>
          <Card className="flex flex-col gap-1">
            <p className="text-sm text-gray-600">{t('feeRate')}</p>
            <p className="text-2xl font-semibold text-gray-900 tabular" data-testid="fee-rate">
              {percent(overview.feeRateBps)}
            </p>
            <p className="text-sm text-gray-600">
              {merchant.feeRateBps === null ? t('feeRateDefault') : t('feeRateOwn')}
            </p>
          </Card>
        </div>
      </div>
      <Card className="p-4 md:p-5">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="font-semibold text-gray-900">{t('recentOrders')}</h2>
          <Link
            href="/merchant/orders"
            className="flex min-h-11 items-center gap-1 text-sm font-semibold text-brand-600 hover:underline"
          >
            {t('seeAll')}
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        </div>
        {overview.recentOrders.length ? (
          <OrderList orders={overview.recentOrders} />
        ) : (
          <p className="py-6 text-center text-gray-500">{t('noOrders')}</p>
        )}
      </Card>
      <div className="grid gap-3 md:grid-cols-3">
        {links.map(({ href, label, Icon }) => (
          <Link
            key={href}
            href={href}
            className="flex min-h-14 items-center gap-3 rounded-2xl border border-gray-200/70 bg-white px-5 shadow-sm hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Icon aria-hidden className="size-5 text-brand-600" />
            <span className="flex-1 font-semibold text-gray-900">{label}</span>
            <ArrowRight aria-hidden className="size-4 text-gray-400" />
          </Link>
        ))}
      </div>
    </div>
  );
}
