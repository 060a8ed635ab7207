import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/ledger';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { Card } from '@/components/ui/card';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { PageHeader } from '@/components/wallet/page-header';
import { TransferForm } from '@/components/wallet/transfer-form';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { getWalletOverview } from '@/server/wallet/get-wallet-overview';
import { getLimitsView } from '@/server/wallet/operations/limits-view';
import { MEMO_MAX } from '@/server/core/form-input';

export async function generateMetadata() {
  return { title: (await getTranslations('transfer'))('title') };
}

export default async function TransferPage() {
  const user = await requireUser();
  const t = await getTranslations('transfer');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const [wallet, limits, pin, frozenAt] = await Promise.all([
    getWalletOverview(user.id),
    getLimitsView(db(), user.id, 'TRANSFER'),
    paymentPinStatus(db(), user.id),
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
          <PinSetupGate isSet={pin.isSet} action="transfer">
            <TransferForm
              available={wallet.available.toString()}
              memoMax={MEMO_MAX}
              limitsText={t('limits', {
                perOperation: money(limits.perOperation),
                remainingToday: money(limits.remainingToday),
              })}
              pinLockedUntil={pin.lockedUntil?.toISOString() ?? null}
            />
          </PinSetupGate>
        </Card>
      )}
    </div>
  );
}
