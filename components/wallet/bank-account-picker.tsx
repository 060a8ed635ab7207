'use client';

import { Landmark, Plus } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { cn } from '@/components/ui/cn';

type Props = {
  legend: string;
  accounts: LinkedBankAccount[];
  value: string;
  onChange: (id: string) => void;
  /** Where 添加银行卡 leads (the link-card page, coming back here), when offered. */
  addHref?: string | undefined;
};

/** Radio cards of the linked bank accounts (masked: bank name and last four digits). */
export function BankAccountPicker({ legend, accounts, value, onChange, addHref }: Props) {
  const t = useTranslations('bankAccounts');
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-semibold text-gray-700">{legend}</legend>
      {accounts.map((a) => (
        <label
          key={a.id}
          className={cn(
            'flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border px-3 py-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
            value === a.id ? 'border-brand-600 bg-brand-50' : 'border-gray-200 bg-white',
          )}
        >
          <input
            type="radio"
            name="bankAccountId"
            value={a.id}
            checked={value === a.id}
            onChange={() => onChange(a.id)}
            className="size-4 accent-brand-600"
          />
          <Landmark aria-hidden className="size-5 text-brand-600" />
          <span className="flex-1">{t('card', { bank: a.bankName, last4: a.lastFour })}</span>
          {a.isDefault ? (
            <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">{t('default')}</span>
          ) : null}
        </label>
      ))}
      {addHref ? (
        <Link
          href={addHref}
          className="flex min-h-11 items-center gap-3 rounded-xl px-3 text-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
          data-testid="add-bank-account"
        >
          <Plus aria-hidden className="size-5" />
          {t('add')}
        </Link>
      ) : null}
    </fieldset>
  );
}
