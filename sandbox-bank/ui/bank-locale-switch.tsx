'use client';

import { Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

// The same cookie the app's request config reads (next-intl, no locale in URLs); the bank
// sets it itself so that it needs nothing of the wallet's code.
const LOCALE_COOKIE = 'NEXT_LOCALE';
const LOCALES = ['zh-CN', 'en'] as const;

export function BankLocaleSwitch() {
  const t = useTranslations('sandboxBank.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm">
      <Languages aria-hidden className="size-4" />
      <span className="sr-only">{t('label')}</span>
      <select
        data-testid="bank-language-switch"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
        className="min-h-9 rounded-md border border-white/40 bg-teal-900 px-2 text-sm text-white"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(l)}
          </option>
        ))}
      </select>
    </label>
  );
}
