import { CircleCheck } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatMoney } from '@/ledger';
import { PayoutForm } from '@/components/merchant/payout-form';
import { PayoutList } from '@/components/merchant/payout-list';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { walletConfig } from '@/server/config/wallet-config';
import { db } from '@/server/db';
import { findSettlementAccount } from '@/server/merchants/find-settlement-account';
import { getMerchantBalance } from '@/server/merchants/get-merchant-balance';
import { listMerchantPayouts } from '@/server/merchants/list-merchant-payouts';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { merchantPayoutFeeSchedule } from '@/server/payouts/merchant-payout-quote';
import { twoFactorEnabled } from '@/server/auth/two-factor/two-factor';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { InvalidInputError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.payouts'))('title') };
}

type Search = { cursor?: string | string[]; submitted?: string | string[] };

export default async function MerchantPayoutsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, merchant } = await requireMerchant();
  const t = await getTranslations('merchantDashboard.payouts');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const search = await searchParams;
  const cursor = typeof search.cursor === 'string' ? search.cursor : undefined;
  const schedule = merchantPayoutFeeSchedule();
  const [balance, account, pin, twoFactorOn, page] = await Promise.all([
    getMerchantBalance(db(), merchant.id),
    findSettlementAccount(db(), merchant),
    paymentPinStatus(db(), user.id),
    twoFactorEnabled(db(), user.id),
    listMerchantPayouts(db(), merchant, { cursor }).catch((error: unknown) => {
      if (error instanceof InvalidInputError) redirect('/merchant/payouts');
      throw error;
    }),
  ]);
  const submitted =
    typeof search.submitted === 'string' ? page.payouts.find((p) => p.id === search.submitted) : undefined;
  const perOperation = walletConfig().limits.PAYOUT.perOperation;

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      {submitted && (
        <p
          role="status"
          className="flex items-center gap-2 rounded-xl bg-green-50 p-3 font-semibold text-green-800"
          data-testid="payout-submitted"
        >
          <CircleCheck aria-hidden className="size-5" />
          {t('submitted')} · {t(`status.${submitted.status}`)}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          {account ? (
            <PinSetupGate isSet={pin.isSet} action="payout">
              <PayoutForm
                available={balance.available.toString()}
                account={account}
                limitsText={t('limits', {
                  perOperation: formatMoney({ amount: perOperation, currency: 'CNY' }, locale),
                })}
                fee={{
                  rateBps: schedule.rateBps ?? 0,
                  minimum: (schedule.minimum ?? 0n).toString(),
                  maximum: schedule.maximum?.toString() ?? null,
                }}
                pinLockedUntil={pin.lockedUntil?.toISOString() ?? null}
                twoFactorOn={twoFactorOn}
              />
            </PinSetupGate>
          ) : (
            <p className="text-gray-600">{t('noAccount')}</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold text-gray-900">{t('history')}</h2>
          <PayoutList payouts={page.payouts} />
          {page.nextCursor && (
            <div className="mt-3 flex justify-center">
              <Link
                href={`/merchant/payouts?cursor=${page.nextCursor}`}
                className={buttonVariants({ variant: 'secondary' })}
              >
                {t('loadMore')}
              </Link>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
