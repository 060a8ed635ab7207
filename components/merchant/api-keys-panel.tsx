'use client';

import { Check, Copy, KeyRound, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/actions/merchant-developers';
import { PinConfirmPanel } from '@/components/pin/pin-confirm-panel';
import { isPinError } from '@/components/pin/use-pin-error-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useMerchantErrorText } from './use-merchant-error-text';

export type ApiKeyRow = {
  id: string;
  prefix: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Create with the payment PIN (the secret shown once, with copy and a warning), list by prefix, revoke after a confirmation. */
export function ApiKeysPanel({ keys }: { keys: ApiKeyRow[] }) {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<{ prefix: string; secretKey: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();

  function create(pin: string) {
    const form = new FormData();
    form.set('label', label);
    form.set('pin', pin);
    startTransition(async () => {
      const result = await createApiKeyAction(form);
      if (!result.ok) {
        setError(result.error);
        if (!isPinError(result.error)) setAsking(false);
        return;
      }
      setAsking(false);
      setCreated({ prefix: result.data.prefix, secretKey: result.data.secretKey });
      setCopied(false);
      setLabel('');
      setError(null);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
          data-testid="new-api-key"
        >
          <p className="flex items-center gap-2 font-semibold text-amber-900">
            <TriangleAlert aria-hidden className="size-5" />
            {t('createdTitle')}
          </p>
          <p className="text-sm text-amber-900">{t('createdWarning')}</p>
          <div className="flex items-center gap-2 rounded-lg border border-amber-200 bg-white p-2">
            <code className="min-w-0 flex-1 font-mono text-sm break-all text-gray-900" data-testid="new-api-key-secret">
              {created.secretKey}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(created.secretKey).then(
                  () => setCopied(true),
                  () => undefined,
                )
              }
            >
              {copied ? (
                <Check aria-hidden className="size-4 text-green-700" />
              ) : (
                <Copy aria-hidden className="size-4" />
              )}
              {copied ? t('copied') : t('copy')}
            </Button>
          </div>
          <Button
            variant="primary"
            className="self-start"
            onClick={() => setCreated(null)}
            data-testid="dismiss-new-key"
          >
            {t('dismiss')}
          </Button>
        </div>
      ) : asking ? (
        <PinConfirmPanel
          title={t('createConfirmTitle', { label: label.trim() })}
          confirmLabel={t('create')}
          returnTo="/merchant/developers"
          pending={pending}
          error={error}
          otherErrorText={errorText}
          onConfirm={create}
          onCancel={() => {
            setAsking(false);
            setError(null);
          }}
          testId="create-api-key-pin"
        >
          <p className="text-sm text-gray-700">{t('createConfirmNote')}</p>
        </PinConfirmPanel>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            setAsking(true);
          }}
          className="flex flex-col gap-3 md:flex-row md:items-start"
          data-testid="create-api-key"
        >
          <div className="md:w-72">
            <TextField
              label={t('label')}
              name="label"
              value={label}
              onChange={(e) => {
                setLabel(e.target.value);
                setError(null);
              }}
              placeholder={t('labelPlaceholder')}
              maxLength={40}
              required
              error={error ? errorText(error) : undefined}
            />
          </div>
          <Button type="submit" disabled={pending || label.trim() === ''} className="md:mt-7">
            <KeyRound aria-hidden className="size-4" />
            {pending ? t('creating') : t('create')}
          </Button>
        </form>
      )}
      {keys.length === 0 ? (
        <p className="text-gray-500">{t('noKeys')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-gray-100" data-testid="api-key-list">
          {keys.map((key) => (
            <ApiKeyItem key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ApiKeyItem({ apiKey }: { apiKey: ApiKeyRow }) {
  const t = useTranslations('merchantDashboard.developers');
  const errorText = useMerchantErrorText();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    const form = new FormData();
    form.set('keyId', apiKey.id);
    startTransition(async () => {
      const result = await revokeApiKeyAction(form);
      if (!result.ok) return setError(result.error);
      setAsking(false);
      router.refresh();
    });
  }

  return (
    <li className="flex flex-col gap-2 py-3" data-testid="api-key-row" data-prefix={apiKey.prefix}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold text-gray-900">{apiKey.label}</span>
        <code className="font-mono text-sm text-gray-700">{apiKey.prefix}_••••</code>
        <span
          className={
            apiKey.revokedAt
              ? 'rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-700'
              : 'rounded-full bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-700'
          }
          data-testid="api-key-state"
        >
          {apiKey.revokedAt ? t('revoked') : t('active')}
        </span>
        {!apiKey.revokedAt && !asking && (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto text-danger"
            onClick={() => setAsking(true)}
            data-testid="revoke-api-key"
          >
            {t('revoke')}
          </Button>
        )}
      </div>
      <p className="text-sm text-gray-500 tabular">
        {t('created')} {apiKey.createdAt} · {t('lastUsed')} {apiKey.lastUsedAt ?? t('never')}
      </p>
      {asking && (
        <div
          role="alertdialog"
          aria-labelledby={`revoke-${apiKey.id}`}
          className="flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 p-3"
        >
          <p id={`revoke-${apiKey.id}`} className="text-sm text-red-900">
            {t('revokeConfirm', { label: apiKey.label })}
          </p>
          {error && <p className="text-sm text-danger">{errorText(error)}</p>}
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              {t('cancel')}
            </Button>
            <Button size="sm" variant="danger" onClick={revoke} disabled={pending} data-testid="revoke-api-key-confirm">
              {t('revokeYes')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
