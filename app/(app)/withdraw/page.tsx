import { getLocale, getTranslations } from 'next-intl/server';
import { DEFAULT_CURRENCY, formatMoney } from '@/ledger';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { Card } from '@/components/ui/card';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { NeedBankAccount } from '@/components/wallet/need-bank-account';
import { PageHeader } from '@/components/wallet/page-header';
import { WithdrawForm } from '@/components/wallet/withdraw-form';
import { linkCardHref } from '@/lib/navigation/card-link-return-path';
import { requireUser } from '@/server/auth/current-user';
import { walletConfig } from '@/server/config/wallet-config';
import { db } from '@/server/db';
import { twoFactorEnabled } from '@/server/auth/two-factor/two-factor';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { listBankAccounts } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { getWalletOverview } from '@/server/wallet/get-wallet-overview';
import { usedToday } from '@/server/wallet/operations/begin-operation';
import { getLimitsView } from '@/server/wallet/operations/limits-view';

export async function generateMetadata() {
  return { title: (await getTranslations('withdraw'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WithdrawPage({ searchParams }: Props) {
  const user = await requireUser();
  // A card just linked for this withdrawal (bank-accounts → back here): chosen.
  const card = (await searchParams).card;
  const t = await getTranslations('withdraw');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const schedule = walletConfig().withdrawalFee;
  const [accounts, wallet, limits, used, pin, twoFactorOn, frozenAt] = await Promise.all([
    listBankAccounts(db(), user.id),
    getWalletOverview(user.id),
    getLimitsView(db(), user.id, 'WITHDRAWAL'),
    schedule.freeQuota ? usedToday(db(), user.id, 'WITHDRAWAL', DEFAULT_CURRENCY) : Promise.resolve(0n),
    paymentPinStatus(db(), user.id),
    twoFactorEnabled(db(), user.id),
    getOwnFrozenAt(db(), user.id),
  ]);
  const money = (amount: bigint) => formatMoney({ amount, currency: 'CNY' }, locale);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t('title')} backLabel={(await getTranslations('walletPage'))('back')} />
      {/* A frozen account gets the reason, not a form the server would refuse. */}
      {frozenAt ? (
        <AccountFrozenBanner />
      ) : (
        <Card>
          {accounts.length ? (
            <PinSetupGate isSet={pin.isSet} action="withdraw">
              <WithdrawForm
                accounts={accounts}
                available={wallet.available.toString()}
                limitsText={t('limits', {
                  perOperation: money(limits.perOperation),
                  remainingToday: money(limits.remainingToday),
                })}
                fee={{
                  rateBps: schedule.rateBps ?? 0,
                  minimum: (schedule.minimum ?? 0n).toString(),
                  maximum: schedule.maximum?.toString() ?? null,
                  freeQuota: schedule.freeQuota?.toString() ?? null,
                  usedFreeQuota: used.toString(),
                }}
                pinLockedUntil={pin.lockedUntil?.toISOString() ?? null}
                twoFactorOn={twoFactorOn}
                selectedAccountId={typeof card === 'string' ? card : null}
                addCardHref={linkCardHref('/withdraw')}
              />
            </PinSetupGate>
          ) : (
            <NeedBankAccount message={t('noAccount')} returnPath="/withdraw" />
          )}
        </Card>
      )}
    </div>
  );
}
