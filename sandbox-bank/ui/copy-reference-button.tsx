'use client';

import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Copies the bank's reference (what support and the wallet's activity quote); says 已复制 briefly. */
export function CopyReferenceButton({ value }: { value: string }) {
  const t = useTranslations('sandboxBank.authorize');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        aria-label={t('copyReference')}
        data-testid="copy-bank-reference"
        onClick={() =>
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => undefined,
          )
        }
        className="-my-2 flex size-11 shrink-0 items-center justify-center rounded-lg text-gray-500 hover:bg-gray-100 hover:text-gray-700 focus-visible:outline-2 focus-visible:outline-teal-700"
      >
        {copied ? <Check aria-hidden className="size-4 text-green-700" /> : <Copy aria-hidden className="size-4" />}
      </button>
      <span aria-live="polite" className="text-sm text-green-700">
        {copied ? t('copied') : ''}
      </span>
    </span>
  );
}
