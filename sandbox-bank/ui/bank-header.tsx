import { Landmark } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { BankLocaleSwitch } from './bank-locale-switch';
import { BankNav } from './bank-nav';

/** The bank's own header: its name, its pages, the language. Nothing of the wallet. */
export async function BankHeader() {
  const t = await getTranslations('sandboxBank');
  return (
    <header className="bg-teal-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 md:px-8">
        <Link
          href="/sandbox-bank"
          className="inline-flex items-center gap-2 text-lg font-semibold"
          data-testid="bank-brand"
        >
          <Landmark aria-hidden className="size-6" />
          {t('title')}
        </Link>
        <div className="order-3 w-full md:order-2 md:w-auto md:flex-1">
          <BankNav />
        </div>
        <div className="order-2 ml-auto md:order-3">
          <BankLocaleSwitch />
        </div>
      </div>
    </header>
  );
}
