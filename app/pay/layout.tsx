import { ShieldCheck } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AreaMessages } from '@/components/i18n/area-messages';
import { BrandMark } from '@/components/shell/brand-mark';
import { LanguageSwitch } from '@/components/shell/language-switch';

/**
 * The hosted checkout stands on its own (no wallet navigation): the wallet's brand, the
 * merchant and the amount, so a customer sent here from a shop sees whom they pay and with what.
 */
export default async function CheckoutLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('checkout');
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex w-full max-w-4xl items-center justify-between gap-3 px-4 py-3 md:px-8">
          <span className="flex items-center gap-3">
            <BrandMark className="text-lg" />
            <span aria-hidden className="h-5 w-px bg-gray-200" />
            <span className="text-gray-700">{t('tag')}</span>
          </span>
          <LanguageSwitch />
        </div>
      </header>
      <main className="mx-auto w-full max-w-4xl flex-1 px-4 pt-4 pb-8 md:px-8 md:pt-8">
        <AreaMessages area="checkout">{children}</AreaMessages>
      </main>
      <footer className="flex items-center justify-center gap-1.5 px-4 pb-6 text-sm text-gray-600">
        <ShieldCheck aria-hidden className="size-4" />
        {t('secure')}
      </footer>
    </div>
  );
}
