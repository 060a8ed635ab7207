'use client';

import { CircleCheck, CircleX } from 'lucide-react';
import type { JSONWebKeySet } from 'jose';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { verifyReceipt, type ReceiptCheck } from '@/lib/receipts/verify-receipt';
import { ReceiptContent } from './receipt-content';

type Result = ReceiptCheck | { ok: false; reason: 'keys-unavailable' };

/**
 * Checks a receipt in the browser: the pasted JWS or JSON, or an uploaded PDF / JSON file,
 * against the keys the platform publishes. Nothing is sent to the server but the key request.
 */
export function ReceiptVerifier() {
  const t = useTranslations('receipts.verify');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const pasteId = useId();
  const fileId = useId();
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function check(input: Uint8Array | string) {
    setChecking(true);
    setResult(null);
    try {
      const response = await fetch('/api/signing-keys', { cache: 'no-store' });
      if (!response.ok) throw new Error(`keys: HTTP ${response.status}`);
      const keys = (await response.json()) as JSONWebKeySet;
      setResult(await verifyReceipt(input, keys));
    } catch {
      setResult({ ok: false, reason: 'keys-unavailable' });
    } finally {
      setChecking(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void check(text);
  }

  async function onFile(file: File | undefined) {
    if (file) await check(new Uint8Array(await file.arrayBuffer()));
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={pasteId} className="text-sm font-semibold text-gray-700">
            {t('pasteLabel')}
          </label>
          <textarea
            id={pasteId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={5}
            spellCheck={false}
            className="w-full rounded-lg border border-gray-300 bg-white px-3 py-2 font-mono text-sm break-all text-gray-900 outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            data-testid="verify-text"
          />
        </div>
        <Button type="submit" disabled={checking} data-testid="verify-submit">
          {checking ? t('checking') : t('submit')}
        </Button>
      </form>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={fileId} className="text-sm font-semibold text-gray-700">
          {t('fileLabel')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/pdf,application/json,.pdf,.json,.jws,.txt"
          onChange={(e) => void onFile(e.target.files?.[0])}
          className="block w-full text-sm text-gray-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-gray-300 file:bg-white file:px-4 file:font-semibold file:text-gray-800 hover:file:bg-gray-50"
          data-testid="verify-file"
        />
      </div>
      <div aria-live="polite">
        {result &&
          (result.ok ? (
            <section
              className="flex flex-col gap-3 rounded-xl border border-green-200 bg-green-50 p-4"
              data-testid="verify-passed"
            >
              <h2 className="flex items-center gap-2 text-lg font-semibold text-green-800">
                <CircleCheck aria-hidden className="size-5" />
                {t('passed')}
              </h2>
              <p className="text-sm break-all text-green-900">{t('passedDetail', { kid: result.kid })}</p>
              <ReceiptContent receipt={result.receipt} locale={locale} />
            </section>
          ) : (
            <section
              className="flex flex-col gap-2 rounded-xl border border-red-200 bg-red-50 p-4"
              data-testid="verify-failed"
            >
              <h2 className="flex items-center gap-2 text-lg font-semibold text-danger">
                <CircleX aria-hidden className="size-5" />
                {t('failed')}
              </h2>
              <p className="text-sm text-red-900" data-testid="verify-reason">
                {result.reason === 'keys-unavailable' ? t('keysUnavailable') : t(`reasons.${result.reason}`)}
              </p>
            </section>
          ))}
      </div>
    </div>
  );
}
