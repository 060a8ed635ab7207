'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/app/actions/action-result';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useAccountErrorText } from './use-account-error-text';

type Texts = { submit: string; sending: string; done: string };

/**
 * One email field that asks the server to send a mail (forgot password, resend the sign-up
 * link). The answer is the same whether the address has an account or not, so the page only
 * ever says "if …, we sent it".
 */
export function EmailRequestForm({
  action,
  texts,
}: {
  action: (form: FormData) => Promise<ActionResult<null>>;
  texts: Texts;
}) {
  const t = useTranslations('account.fields');
  const errorText = useAccountErrorText();
  const [result, setResult] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => setResult(await action(form)));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        placeholder="name@example.com"
        error={result && !result.ok ? errorText(result.error) : undefined}
      />
      <Button type="submit" block size="lg" disabled={pending}>
        {pending ? texts.sending : texts.submit}
      </Button>
      {result?.ok ? (
        <p
          role="status"
          data-testid="email-request-done"
          className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {texts.done}
        </p>
      ) : null}
    </form>
  );
}
