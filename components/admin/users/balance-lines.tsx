import { useTranslations } from 'next-intl';
import { Amount } from '@/components/money/amount';
import type { Balance } from '@/server/stored-ledger';

/** An owner's ledger account: available, on hold, pending (credit-normal, so posted = owed). */
export function BalanceLines({
  title,
  code,
  balance,
  testId,
}: {
  title: string;
  code: string;
  balance: Balance | null;
  testId: string;
}) {
  const t = useTranslations('adminUsers');
  return (
    <div className="rounded-xl bg-gray-50 p-3" data-testid={testId}>
      <p className="text-sm font-semibold text-gray-700">{title}</p>
      <p className="font-mono text-xs break-all text-gray-500">{code}</p>
      {balance ? (
        <dl className="mt-2 grid grid-cols-3 gap-2">
          <div>
            <dt className="text-xs text-gray-500">{t('available')}</dt>
            <dd className="text-lg font-semibold text-gray-900">
              <Amount amount={balance.available} currency={balance.currency} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-gray-500">{t('onHold')}</dt>
            <dd>
              <Amount amount={balance.pendingDebits} currency={balance.currency} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-gray-500">{t('pending')}</dt>
            <dd>
              <Amount amount={balance.pendingCredits} currency={balance.currency} />
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-2 text-sm text-gray-500">{t('noAccount')}</p>
      )}
    </div>
  );
}
