'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { applyForMerchantAction } from '@/app/actions/merchant-apply';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { BankAccountPicker } from '@/components/wallet/bank-account-picker';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { useMerchantErrorText } from './use-merchant-error-text';

/** Shop name and settlement account (one of the customer's linked, bank-verified accounts). */
export function ApplyForm({ accounts, shopName = '' }: { accounts: LinkedBankAccount[]; shopName?: string }) {
  const t = useTranslations('merchantDashboard.apply');
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [name, setName] = useState(shopName);
  const [accountId, setAccountId] = useState(accounts.find((a) => a.isDefault)?.id ?? accounts[0]?.id ?? '');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await applyForMerchantAction(form);
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate data-testid="merchant-apply-form">
      <TextField
        label={t('shopName')}
        name="shopName"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        maxLength={40}
        required
        hint={t('shopNameHint')}
        error={error && error.field === 'shopName' ? errorText(error) : undefined}
      />
      <div className="flex flex-col gap-1">
        <BankAccountPicker legend={t('settlement')} accounts={accounts} value={accountId} onChange={setAccountId} />
        <p className="text-sm text-gray-500">{t('settlementHint')}</p>
      </div>
      <input type="hidden" name="settlementBankAccountId" value={accountId} />
      {error && error.field !== 'shopName' && (
        <p role="alert" className="text-sm text-danger">
          {errorText(error)}
        </p>
      )}
      <Button type="submit" size="lg" block disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
