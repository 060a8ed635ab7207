import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatAmountPlain, formatMoney } from '@/ledger';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { PayLinkNotice } from '@/components/receive/pay-link-notice';
import { PayReceiveCodeForm } from '@/components/receive/pay-receive-code-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { MEMO_MAX } from '@/server/core/form-input';
import { db } from '@/server/db';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { findReceiveCodeOwnerOrThrow, type ReceiveCodeOwner } from '@/server/receive/receive-codes';
import { readReceiveLinkParams, type ReceiveLinkParams } from '@/server/receive/receive-link-params';
import { requireUserReturningTo } from '@/server/receive/sign-in-to-return';
import { toPageError, type PageError } from '@/server/receive/to-action-error';
import { getWalletOverview } from '@/server/wallet/get-wallet-overview';
import { maskName } from '@/lib/text/mask';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.payTo'))('title') };
}

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** What a receive code's QR opens: a transfer to its owner, prefilled from the link. */
export default async function PayToPage({ params, searchParams }: Props) {
  const { code } = await params;
  const search = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (typeof value === 'string') query.set(key, value);
  const user = await requireUserReturningTo(`/pay-to/${encodeURIComponent(code)}${query.size ? `?${query}` : ''}`);
  const t = await getTranslations('receive.payTo');
  const header = <PageHeader title={t('title')} backLabel={t('home')} />;

  let owner: ReceiveCodeOwner;
  let link: ReceiveLinkParams;
  try {
    owner = await findReceiveCodeOwnerOrThrow(db(), code);
    link = readReceiveLinkParams(search);
  } catch (error) {
    const pageError: PageError | null = toPageError(error);
    if (!pageError) throw error;
    const title = pageError.field === 'code' ? t('unavailableTitle') : t('badLinkTitle');
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <PayLinkNotice title={title} error={pageError} testId="pay-to-unavailable" />
      </div>
    );
  }
  if (owner.userId === user.id) {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        {header}
        <PayLinkNotice title={t('ownTitle')} text={t('ownText')} testId="pay-to-own">
          <Link href="/receive" className="font-semibold text-brand-600 hover:underline">
            {t('toMyCode')}
          </Link>
        </PayLinkNotice>
      </div>
    );
  }

  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const [wallet, pin, frozenAt] = await Promise.all([
    getWalletOverview(user.id),
    paymentPinStatus(db(), user.id),
    getOwnFrozenAt(db(), user.id),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      {header}
      {frozenAt ? (
        <AccountFrozenBanner />
      ) : (
        <Card>
          <PinSetupGate isSet={pin.isSet} action="transfer">
            <PayReceiveCodeForm
              code={code}
              payeeName={maskName(owner.displayName)}
              fixedAmount={link.amount === null ? null : formatAmountPlain(link.amount, 'CNY')}
              fixedMemo={link.amount === null ? null : link.memo}
              suggestedMemo={link.amount === null ? (link.memo ?? '') : ''}
              availableText={formatMoney({ amount: wallet.available, currency: 'CNY' }, locale)}
              memoMax={MEMO_MAX}
              pinLockedUntil={pin.lockedUntil?.toISOString() ?? null}
            />
          </PinSetupGate>
        </Card>
      )}
    </div>
  );
}
