'use client';

import { useTranslations } from 'next-intl';
import type { Currency } from '@/ledger';
import { Amount } from '@/components/money/amount';
import { Card } from '@/components/ui/card';
import { BalanceVisibilityToggle, useBalanceHidden } from './balance-visibility';

// Amounts arrive as minor-unit strings: bigint cannot cross into a client component.
type Props = { currency: Currency; available: string; pending: string; onHold: string };

/** The large available balance, with pending and on-hold smaller below; all can be masked. */
export function BalanceCard({ currency, available, pending, onHold }: Props) {
  const t = useTranslations('home');
  const hidden = useBalanceHidden();
  const show = (minor: string) =>
    hidden ? (
      <>
        <span aria-hidden>****</span>
        <span className="sr-only">{t('balanceHidden')}</span>
      </>
    ) : (
      <Amount amount={BigInt(minor)} currency={currency} />
    );
  return (
    <Card className="border-0 bg-gradient-to-br from-brand-600 to-brand-700 text-white">
      <div className="flex items-center gap-1">
        <p className="text-sm text-white/85">{t('availableBalance')}</p>
        <BalanceVisibilityToggle />
      </div>
      <p className="mt-1 text-4xl font-semibold tracking-tight tabular" data-testid="available-balance">
        {show(available)}
      </p>
      <dl className="mt-4 flex gap-6 text-sm text-white/85">
        <div>
          <dt>{t('pending')}</dt>
          <dd className="font-semibold text-white" data-testid="pending-balance">
            {show(pending)}
          </dd>
        </div>
        <div>
          <dt>{t('onHold')}</dt>
          <dd className="font-semibold text-white" data-testid="on-hold-balance">
            {show(onHold)}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
