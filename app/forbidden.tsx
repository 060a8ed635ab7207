import { ShieldAlert } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <main
      className="flex min-h-[70dvh] flex-col items-center justify-center gap-3 px-4 text-center"
      data-testid="forbidden"
    >
      <ShieldAlert aria-hidden className="size-12 text-amber-500" />
      <p className="text-sm font-semibold text-gray-500">403</p>
      <h1 className="text-xl font-semibold text-gray-900">{t('forbiddenTitle')}</h1>
      <p className="text-gray-600">{t('forbiddenBody')}</p>
      <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
        {t('backHome')}
      </Link>
    </main>
  );
}
