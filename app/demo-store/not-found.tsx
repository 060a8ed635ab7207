import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function DemoStoreNotFound() {
  const t = await getTranslations('demoStore');
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-stone-600">404</p>
      <h1 className="text-xl font-semibold text-stone-900">{t('notFound')}</h1>
      <Link href="/demo-store" className="font-semibold text-amber-800 underline underline-offset-4">
        {t('backToShop')}
      </Link>
    </div>
  );
}
