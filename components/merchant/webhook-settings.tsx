'use client';

import { Check, Copy, Eye, EyeOff, RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import {
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  setWebhookUrlAction,
} from '@/app/actions/merchant-developers';
import { PinConfirmPanel } from '@/components/pin/pin-confirm-panel';
import { isPinError } from '@/components/pin/use-pin-error-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useMerchantErrorText } from './use-merchant-error-text';

/** The webhook URL form: the new URL, then the payment PIN to save it. */
export function WebhookUrlForm({ webhookUrl }: { webhookUrl: string | null }) {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const [value, setValue] = useState(webhookUrl ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();

  function save(pin: string) {
    const form = new FormData();
    form.set('webhookUrl', value);
    form.set('pin', pin);
    startTransition(async () => {
      const result = await setWebhookUrlAction(form);
      if (!result.ok) {
        setError(result.error);
        if (!isPinError(result.error)) setAsking(false);
        return;
      }
      setValue(result.data.webhookUrl ?? '');
      setError(null);
      setAsking(false);
      setSaved(true);
    });
  }

  if (asking) {
    return (
      <PinConfirmPanel
        title={t('urlConfirmTitle')}
        confirmLabel={t('save')}
        returnTo="/merchant/developers"
        pending={pending}
        error={error}
        otherErrorText={errorText}
        onConfirm={save}
        onCancel={() => {
          setAsking(false);
          setError(null);
        }}
        testId="webhook-url-pin"
      >
        <p className="text-sm break-all text-gray-700">
          {value.trim() ? t('urlConfirmTo', { url: value.trim() }) : t('urlConfirmClear')}
        </p>
      </PinConfirmPanel>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setAsking(true);
      }}
      className="flex flex-col gap-3 md:flex-row md:items-start"
      noValidate
      data-testid="webhook-url-form"
    >
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
          error={error && !isPinError(error) ? errorText(error) : undefined}
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

/** The signing secret: hidden until asked for with the payment PIN (fetched only then), copy, rotate with the PIN. */
export function WebhookSecretPanel() {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState<'reveal' | 'rotate' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function ask(what: 'reveal' | 'rotate' | null) {
    setError(null);
    setAsking(what);
  }

  function reveal() {
    if (secret) return setSecret(null);
    ask('reveal');
  }

  function confirm(pin: string) {
    const form = new FormData();
    form.set('pin', pin);
    const rotating = asking === 'rotate';
    startTransition(async () => {
      const result = rotating ? await rotateWebhookSecretAction(form) : await revealWebhookSecretAction(form);
      if (!result.ok) return setError(result.error);
      setSecret(result.data.secret);
      setAsking(null);
      setError(null);
      setCopied(false);
      if (rotating) setNote(t('rotated'));
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-gray-200 bg-gray-50 p-2">
        <code
          className="min-w-0 basis-full font-mono text-sm break-all text-gray-900 md:flex-1 md:basis-0"
          data-testid="webhook-secret"
        >
          {secret ?? 'whsec_••••••••••••••••'}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={reveal}
          disabled={pending || asking !== null}
          data-testid="reveal-secret"
        >
          {secret ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
          {secret ? t('hide') : t('reveal')}
        </Button>
        {secret && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(secret).then(
                () => setCopied(true),
                () => undefined,
              )
            }
          >
            {copied ? <Check aria-hidden className="size-4 text-green-700" /> : <Copy aria-hidden className="size-4" />}
            {copied ? t('copied') : t('copy')}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="text-sm text-green-700">
        {note}
      </p>
      {asking ? (
        <PinConfirmPanel
          title={asking === 'rotate' ? t('rotateConfirmTitle') : t('revealConfirmTitle')}
          confirmLabel={asking === 'rotate' ? t('rotateYes') : t('reveal')}
          returnTo="/merchant/developers"
          pending={pending}
          error={error}
          otherErrorText={errorText}
          onConfirm={confirm}
          onCancel={() => ask(null)}
          testId={asking === 'rotate' ? 'rotate-secret-pin' : 'reveal-secret-pin'}
          submitTestId={asking === 'rotate' ? 'rotate-secret-confirm' : 'reveal-secret-confirm'}
          role={asking === 'rotate' ? 'alertdialog' : 'group'}
        >
          {asking === 'rotate' ? <p className="text-sm text-amber-900">{t('rotateConfirm')}</p> : null}
        </PinConfirmPanel>
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => ask('rotate')} data-testid="rotate-secret">
          <RefreshCw aria-hidden className="size-4" />
          {t('rotate')}
        </Button>
      )}
    </div>
  );
}
