'use client';

import { UserRound } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatMoney, normalizeFullWidthDigits, parseAmount } from '@/ledger';
import { findRecipientAction, transferAction } from '@/app/actions/transfer';
import type { ActionError } from '@/app/actions/action-result';
import type { Recipient } from '@/server/wallet/operations/find-recipient';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AmountInput } from './amount-input';
import { useActionErrorText } from './use-action-error-text';
import { useIdempotencyKey } from './use-idempotency-key';

type Props = { available: string; limitsText: string; memoMax: number };

/** Find the recipient and confirm their masked name first, then the amount and memo. */
export function TransferForm({ available, limitsText, memoMax }: Props) {
  const t = useTranslations('transfer');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const errorText = useActionErrorText();
  const router = useRouter();
  const [key, renewKey] = useIdempotencyKey();
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [amountText, setAmountText] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onFind(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await findRecipientAction(form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setRecipient(result.data);
    });
  }

  function onSend(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await transferAction(form);
      if (!result.ok) return setError(result.error);
      router.push(`/activity/${result.data.operationId}`);
    });
  }

  if (!recipient) {
    return (
      <form onSubmit={onFind} className="flex flex-col gap-5" noValidate>
        <TextField
          label={t('recipientEmail')}
          name="email"
          type="email"
          autoComplete="off"
          required
          placeholder={t('recipientEmailPlaceholder')}
          error={error ? errorText(error) : undefined}
        />
        <Button type="submit" size="lg" block disabled={pending}>
          {pending ? t('finding') : t('find')}
        </Button>
      </form>
    );
  }

  const amount = parseOrNull(amountText);
  return (
    <form onSubmit={onSend} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="email" value={recipient.email} />
      <div className="flex items-center gap-3 rounded-xl bg-gray-50 p-4">
        <UserRound aria-hidden className="size-10 rounded-full bg-brand-50 p-2 text-brand-600" />
        <div className="flex-1">
          <p className="text-sm text-gray-500">{t('recipient')}</p>
          <p className="font-semibold text-gray-900" data-testid="recipient-name">
            {recipient.maskedName} <span className="font-normal text-gray-500">({recipient.email})</span>
          </p>
        </div>
        <button
          type="button"
          className="min-h-11 px-2 text-sm font-semibold text-brand-600 hover:underline"
          onClick={() => {
            setRecipient(null);
            setError(null);
            renewKey();
          }}
        >
          {t('change')}
        </button>
      </div>
      <AmountInput
        label={t('amount')}
        value={amountText}
        onChange={(e) => {
          setAmountText(e.target.value);
          setError(null);
          renewKey();
        }}
        hint={`${t('available', { amount: formatMoney({ amount: BigInt(available), currency: 'CNY' }, locale) })} · ${limitsText}`}
        error={error && error.field !== 'memo' ? errorText(error) : undefined}
      />
      <TextField
        label={t('memo')}
        name="memo"
        maxLength={memoMax}
        hint={t('memoHint', { max: memoMax })}
        onChange={() => renewKey()}
        error={error && error.field === 'memo' ? errorText(error) : undefined}
      />
      <Button type="submit" size="lg" block disabled={pending}>
        {pending ? t('confirming') : amount ? t('confirm', { amount: formatMoney({ amount, currency: 'CNY' }, locale) }) : t('confirmPlain')}
      </Button>
    </form>
  );
}

function parseOrNull(text: string): bigint | null {
  try {
    return parseAmount(normalizeFullWidthDigits(text), 'CNY');
  } catch {
    return null;
  }
}
