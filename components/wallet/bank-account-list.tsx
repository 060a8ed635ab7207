'use client';

import { Landmark } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { removeBankAccountAction, setDefaultBankAccountAction } from '@/app/actions/bank-accounts';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { Button } from '@/components/ui/button';

export function BankAccountList({ accounts }: { accounts: LinkedBankAccount[] }) {
  const t = useTranslations('bankAccounts');
  return (
    <ul className="flex flex-col gap-3">
      {accounts.map((a) => (
        <li
          key={a.id}
          className="flex flex-wrap items-center gap-3 rounded-xl border border-gray-200 p-3"
          data-testid="bank-account"
        >
          <Landmark aria-hidden className="size-6 text-brand-600" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-gray-900">
              {t('card', { bank: a.bankName, last4: a.lastFour })}
              {a.isDefault ? (
                <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
                  {t('default')}
                </span>
              ) : null}
            </p>
            <p className="text-sm text-gray-500">{a.holderName}</p>
          </div>
          <AccountActions account={a} />
        </li>
      ))}
    </ul>
  );
}

function AccountActions({ account }: { account: LinkedBankAccount }) {
  const t = useTranslations('bankAccounts');
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (action: (form: FormData) => Promise<unknown>) => {
    const form = new FormData();
    form.set('bankAccountId', account.id);
    startTransition(async () => {
      await action(form);
      setConfirming(false);
    });
  };
  return (
    <div className="flex w-full justify-end gap-2 sm:w-auto">
      {!account.isDefault && !confirming ? (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(setDefaultBankAccountAction)}>
          {t('setDefault')}
        </Button>
      ) : null}
      {confirming ? (
        <>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
          <Button size="sm" variant="danger" disabled={pending} onClick={() => run(removeBankAccountAction)}>
            {t('confirmRemove')}
          </Button>
        </>
      ) : (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(true)}>
          {t('remove')}
        </Button>
      )}
    </div>
  );
}
