'use client';

import { Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

// The same cookie the app's request config reads; the store sets it itself.
const LOCALE_COOKIE = 'NEXT_LOCALE';
const LOCALES = ['zh-CN', 'en'] as const;

export function StoreLocaleSwitch() {
  const t = useTranslations('demoStore.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-stone-600">
      <Languages aria-hidden className="size-4" />
      <span className="sr-only">{t('label')}</span>
      <select
        data-testid="store-language-switch"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
        className="min-h-9 rounded-md border border-stone-300 bg-white px-2 text-base text-stone-800 md:text-sm"
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
