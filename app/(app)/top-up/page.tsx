import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney, parseAmount } from '@/ledger';
import { Card } from '@/components/ui/card';
import { AccountFrozenBanner } from '@/components/admin/account-frozen-banner';
import { getOwnFrozenAt } from '@/server/admin/users/get-own-frozen-at';
import { NeedBankAccount } from '@/components/wallet/need-bank-account';
import { PageHeader } from '@/components/wallet/page-header';
import { TopUpForm } from '@/components/wallet/top-up-form';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { cardLinkReturnPath, linkCardHref } from '@/lib/navigation/card-link-return-path';
import { checkoutReturnPath, withCheckoutReturn } from '@/lib/navigation/checkout-return-path';
import { listBankAccounts } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { getLimitsView } from '@/server/wallet/operations/limits-view';

export async function generateMetadata() {
  return { title: (await getTranslations('topUp'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The amount a checkout asked for (what the balance is short of), when it is a valid one. */
function suggestedAmount(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    return parseAmount(value, 'CNY') > 0n ? value : '';
  } catch {
    return '';
  }
}

export default async function TopUpPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = await searchParams;
  // Sent here by a checkout whose balance was short: back to it afterwards (top-up/return).
  const next = checkoutReturnPath(query.next);
  const t = await getTranslations('topUp');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const [accounts, limits, frozenAt] = await Promise.all([
    listBankAccounts(db(), user.id),
    getLimitsView(db(), user.id, 'TOP_UP'),
    getOwnFrozenAt(db(), user.id),
  ]);
  const money = (amount: bigint) => formatMoney({ amount, currency: 'CNY' }, locale);
  const initialAmount = next ? suggestedAmount(query.amount) : '';
  // Linking a card comes back here, to this same top-up (its checkout and amount kept).
  const selfPath =
    cardLinkReturnPath(withCheckoutReturn(initialAmount ? `/top-up?amount=${initialAmount}` : '/top-up', next)) ??
    cardLinkReturnPath(withCheckoutReturn('/top-up', next));
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader
        title={t('title')}
        backHref={next ?? undefined}
        backLabel={(await getTranslations('walletPage'))('back')}
      />
      {/* A frozen account gets the reason, not a form the server would refuse. */}
      {frozenAt ? (
        <AccountFrozenBanner />
      ) : (
        <Card>
          {accounts.length ? (
            <TopUpForm
              accounts={accounts}
              next={next}
              initialAmount={initialAmount}
              selectedAccountId={typeof query.card === 'string' ? query.card : null}
              addCardHref={linkCardHref(selfPath)}
              limitsText={t('limits', {
                perOperation: money(limits.perOperation),
                remainingToday: money(limits.remainingToday),
              })}
            />
          ) : (
            <NeedBankAccount message={t('noAccount')} returnPath={selfPath} />
          )}
        </Card>
      )}
    </div>
  );
}
