'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { startTopUpAction } from '@/app/actions/top-up';
import type { ActionError } from '@/app/actions/action-result';
import type { LinkedBankAccount } from '@/server/wallet/bank-accounts/manage-bank-accounts';
import { Button } from '@/components/ui/button';
import { withCheckoutReturn } from '@/lib/navigation/checkout-return-path';
import { AmountInput } from './amount-input';
import { BankAccountPicker } from './bank-account-picker';
import { useActionErrorText } from './use-action-error-text';
import { useIdempotencyKey } from './use-idempotency-key';

const PRESETS = [
  { value: '100', label: '¥100' },
  { value: '500', label: '¥500' },
  { value: '1000', label: '¥1,000' },
  { value: '5000', label: '¥5,000' },
];

type Props = {
  accounts: LinkedBankAccount[];
  limitsText: string;
  /** The checkout this top-up was begun from, to come back to (checked by the page). */
  next?: string | null;
  initialAmount?: string;
  /** A card just linked for this top-up: chosen instead of the default. */
  selectedAccountId?: string | null;
  /** 添加银行卡: the link-card page, coming back to this top-up. */
  addCardHref?: string;
};

export function TopUpForm({
  accounts,
  limitsText,
  next = null,
  initialAmount = '',
  selectedAccountId = null,
  addCardHref,
}: Props) {
  const t = useTranslations('topUp');
  const errorText = useActionErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [amount, setAmount] = useState(initialAmount);
  const [accountId, setAccountId] = useState(
    accounts.find((a) => a.id === selectedAccountId)?.id ??
      accounts.find((a) => a.isDefault)?.id ??
      accounts[0]?.id ??
      '',
  );
  const [error, setError] = useState<ActionError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [pending, startTransition] = useTransition();

  function change(next: string) {
    setAmount(next);
    setError(null);
    renewKey(); // a different amount is a different request
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await startTopUpAction(form);
      if (!result.ok) return setError(result.error);
      if (result.data.next === 'AUTHORISE') {
        setLeaving(true);
        window.location.assign(result.data.authorizeUrl);
      } else {
        router.push(withCheckoutReturn(`/activity/${result.data.operationId}`, next));
      }
    });
  }

  const busy = pending || leaving;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <AmountInput
        label={t('amount')}
        value={amount}
        onChange={(e) => change(e.target.value)}
        hint={limitsText}
        error={error && error.field !== 'bankAccountId' ? errorText(error) : undefined}
      />
      <div className="grid grid-cols-4 gap-2" role="group" aria-label={t('presets')}>
        {PRESETS.map((p) => (
          <button
            key={p.value}
            type="button"
            onClick={() => change(p.value)}
            className="min-h-11 rounded-lg border border-gray-200 bg-white px-1 text-sm tabular hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {p.label}
          </button>
        ))}
      </div>
      <BankAccountPicker
        legend={t('from')}
        accounts={accounts}
        value={accountId}
        onChange={setAccountId}
        addHref={addCardHref}
      />
      <p className="text-sm text-gray-500">{t('bankNote')}</p>
      <Button type="submit" size="lg" block disabled={busy}>
        {busy ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
