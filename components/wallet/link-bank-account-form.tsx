'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { linkBankAccountAction } from '@/app/actions/bank-accounts';
import type { ActionError } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useActionErrorText } from './use-action-error-text';

/** `next`: the checkout to go back to once the card is linked (checked by the page). */
export function LinkBankAccountForm({ next = null }: { next?: string | null }) {
  const t = useTranslations('bankAccounts');
  const router = useRouter();
  const errorText = useActionErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await linkBankAccountAction(form);
      setDone(result.ok);
      setError(result.ok ? null : result.error);
      if (result.ok) formRef.current?.reset();
      if (result.ok && next) router.push(next);
    });
  }

  const fieldError = (field: string) => (error && (error.field === field || (!error.field && field === 'accountNumber')) ? errorText(error) : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField
        label={t('accountNumber')}
        name="accountNumber"
        inputMode="numeric"
        autoComplete="off"
        required
        placeholder={t('accountNumberPlaceholder')}
        error={fieldError('accountNumber')}
      />
      <TextField label={t('holderName')} name="holderName" autoComplete="name" required hint={t('holderNameHint')} error={fieldError('holderName')} />
      <Button type="submit" block disabled={pending}>
        {pending ? t('linking') : t('link')}
      </Button>
      {done ? (
        <p role="status" className="text-sm text-green-700">
          {t('linked')}
        </p>
      ) : null}
    </form>
  );
}
