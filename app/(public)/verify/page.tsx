// Public: anyone holding a receipt checks it here, signed in or not (no session is read).
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AreaMessages } from '@/components/i18n/area-messages';
import { ReceiptVerifier } from '@/components/receipts/receipt-verifier';
import { BrandMark } from '@/components/shell/brand-mark';
import { LanguageSwitch } from '@/components/shell/language-switch';

export async function generateMetadata() {
  return { title: (await getTranslations('receipts.verify'))('title') };
}

export default async function VerifyPage() {
  const t = await getTranslations('receipts.verify');
  return (
    <div className="flex min-h-dvh flex-col bg-gray-50">
      <header className="flex items-center justify-between px-4 py-3 md:px-8">
        <Link href="/" className="inline-flex min-h-11 items-center">
          <BrandMark className="text-lg" />
        </Link>
        <LanguageSwitch />
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-col gap-4 px-4 pt-4 pb-12">
        <h1 className="text-2xl font-semibold text-gray-900">{t('title')}</h1>
        <p className="text-gray-600">{t('intro')}</p>
        <div className="rounded-2xl bg-white p-4 shadow-sm md:p-6">
          <AreaMessages area="receipts">
            <ReceiptVerifier />
          </AreaMessages>
        </div>
      </main>
    </div>
  );
}
