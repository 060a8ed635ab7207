'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { disableTwoFactorAction } from '@/app/actions/two-factor';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

/** Turning the authenticator app off takes one of its codes (or a recovery code). */
export function TwoFactorDisableForm() {
  const t = useTranslations('twoFactor');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const result = await disableTwoFactorAction(new FormData(e.currentTarget));
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.error.code === 'WRONG_TWO_FACTOR_CODE' ? t('errors.wrongCode') : t('errors.generic'));
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <TextField
        label={t('codeOrRecovery')}
        name="code"
        autoComplete="one-time-code"
        maxLength={16}
        required
        error={error ?? undefined}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('disable')}
      </Button>
    </form>
  );
}
