import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="flex min-h-[70dvh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-gray-500">404</p>
      <h1 className="text-xl font-semibold text-gray-900">{t('notFoundTitle')}</h1>
      <p className="text-gray-600">{t('notFoundBody')}</p>
      <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
        {t('backHome')}
      </Link>
    </main>
  );
}
