'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { startOrderBankPaymentAction } from '@/app/actions/checkout';
import type { ActionError } from '@/app/actions/action-result';
import { buttonVariants } from '@/components/ui/button';
import { BankAccountPicker } from '@/components/wallet/bank-account-picker';
import { useIdempotencyKey } from '@/components/wallet/use-idempotency-key';
import { withCheckoutReturn } from '@/lib/navigation/checkout-return-path';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { PayButton } from './pay-button';
import { useCheckoutErrorText } from './use-checkout-error-text';

type Props = { orderId: string; amountText: string; accounts: LinkedBankAccount[]; disabled: boolean };

/** Online banking: pick a linked account, then the bank's own page confirms the debit. */
export function BankPayForm({ orderId, amountText, accounts, disabled }: Props) {
  const t = useTranslations('checkout');
  const errorText = useCheckoutErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [accountId, setAccountId] = useState(accounts.find((a) => a.isDefault)?.id ?? accounts[0]?.id ?? '');
  const [error, setError] = useState<ActionError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [pending, startTransition] = useTransition();

  if (accounts.length === 0) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-gray-300 px-4 py-6 text-center">
        <p className="text-gray-700">{t('noBankAccount')}</p>
        <Link
          href={withCheckoutReturn('/bank-accounts', `/pay/${orderId}`)}
          className={buttonVariants({ variant: 'secondary' })}
        >
          {t('addBankAccount')}
        </Link>
      </div>
    );
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await startOrderBankPaymentAction(form);
      if (!result.ok) {
        setError(result.error);
        if (result.error.code === 'ORDER_NOT_PAYABLE') router.refresh();
        return;
      }
      setLeaving(true);
      if (result.data.next === 'AUTHORISE') window.location.assign(result.data.authorizeUrl);
      else router.push(`/pay/${orderId}/result?operation=${result.data.operationId}`);
    });
  }

  const busy = pending || leaving;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="bank-pay-form">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <BankAccountPicker
        legend={t('bankLegend')}
        accounts={accounts}
        value={accountId}
        onChange={(id) => {
          setAccountId(id);
          renewKey(); // another account is another request
        }}
      />
      <p className="text-sm text-gray-500">{t('bankNote')}</p>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-danger" data-testid="checkout-error">
          {errorText(error)}
        </p>
      ) : null}
      <PayButton disabled={disabled || busy} label={busy ? t('goingToBank') : t('pay', { amount: amountText })} />
    </form>
  );
}
