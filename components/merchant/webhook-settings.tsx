'use client';

import { Check, Copy, Eye, EyeOff, RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { revealWebhookSecretAction, rotateWebhookSecretAction, setWebhookUrlAction } from '@/app/actions/merchant-developers';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useMerchantErrorText } from './use-merchant-error-text';

/** The webhook URL form. */
export function WebhookUrlForm({ webhookUrl }: { webhookUrl: string | null }) {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const [value, setValue] = useState(webhookUrl ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await setWebhookUrlAction(form);
      if (!result.ok) return setError(result.error);
      setValue(result.data.webhookUrl ?? '');
      setSaved(true);
    });
  }

  return (
    <form onSubmit={save} className="flex flex-col gap-3 md:flex-row md:items-start" noValidate data-testid="webhook-url-form">
      <div className="min-w-0 flex-1">
        <TextField
          label={t('webhookUrl')}
          name="webhookUrl"
          type="url"
          inputMode="url"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
            setError(null);
          }}
          placeholder={t('webhookPlaceholder')}
          maxLength={2048}
          autoComplete="off"
          hint={t('webhookHint')}
          error={error ? errorText(error) : undefined}
        />
      </div>
      <div className="flex items-center gap-2 md:mt-7">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <span aria-live="polite" className="text-sm text-green-700" data-testid="webhook-url-saved">
          {saved ? t('saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** The signing secret: hidden until asked for (fetched only then), copy, rotate after a confirmation. */
export function WebhookSecretPanel() {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function reveal() {
    if (secret) return setSecret(null);
    startTransition(async () => {
      const result = await revealWebhookSecretAction();
      if (!result.ok) return setError(result.error);
      setSecret(result.data.secret);
    });
  }

  function rotate() {
    startTransition(async () => {
      const result = await rotateWebhookSecretAction();
      if (!result.ok) return setError(result.error);
      setSecret(result.data.secret);
      setAsking(false);
      setCopied(false);
      setNote(t('rotated'));
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-gray-200 bg-gray-50 p-2">
        <code className="min-w-0 basis-full font-mono text-sm break-all text-gray-900 md:flex-1 md:basis-0" data-testid="webhook-secret">
          {secret ?? 'whsec_••••••••••••••••'}
        </code>
        <Button size="sm" variant="secondary" onClick={reveal} disabled={pending} data-testid="reveal-secret">
          {secret ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
          {secret ? t('hide') : t('reveal')}
        </Button>
        {secret && (
          <Button size="sm" variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => undefined)}>
            {copied ? <Check aria-hidden className="size-4 text-green-700" /> : <Copy aria-hidden className="size-4" />}
            {copied ? t('copied') : t('copy')}
          </Button>
        )}
      </div>
      {error && <p className="text-sm text-danger">{errorText(error)}</p>}
      <p aria-live="polite" className="text-sm text-green-700">
        {note}
      </p>
      {asking ? (
        <div role="alertdialog" aria-labelledby="rotate-secret-text" className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-3">
          <p id="rotate-secret-text" className="text-sm text-amber-900">
            {t('rotateConfirm')}
          </p>
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              {t('cancel')}
            </Button>
            <Button size="sm" variant="danger" onClick={rotate} disabled={pending} data-testid="rotate-secret-confirm">
              {t('rotateYes')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => setAsking(true)} data-testid="rotate-secret">
          <RefreshCw aria-hidden className="size-4" />
          {t('rotate')}
        </Button>
      )}
    </div>
  );
}
