import { Store } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StoreLocaleSwitch } from './store-locale-switch';
import { StoreNav } from './store-nav';

/** The store's own header: its name, its pages, the language. Nothing of the wallet. */
export async function StoreHeader() {
  const t = await getTranslations('demoStore');
  return (
    <header className="border-b border-stone-200 bg-white">
      <p className="bg-stone-800 px-4 py-1 text-center text-xs text-stone-100" data-testid="store-demo-note">
        {t('demoNote')}
      </p>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3 md:px-8">
        <Link href="/demo-store" className="inline-flex items-center gap-2.5" data-testid="store-brand">
          <span className="flex size-9 items-center justify-center rounded-full bg-amber-700 text-white">
            <Store aria-hidden className="size-5" />
          </span>
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-semibold text-stone-900">{t('title')}</span>
            <span className="text-xs tracking-wide text-stone-500 uppercase">{t('titleEn')}</span>
          </span>
        </Link>
        <div className="order-3 w-full md:order-2 md:w-auto md:flex-1">
          <StoreNav />
        </div>
        <div className="order-2 ml-auto md:order-3">
          <StoreLocaleSwitch />
        </div>
      </div>
    </header>
  );
}
