import { Wallet } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/components/ui/cn';

/** The product's name with its icon, as shown in every header. */
export async function BrandMark({ className }: { className?: string }) {
  const t = await getTranslations('app');
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold text-brand-600', className)}>
      <Wallet aria-hidden className="size-6" />
      {t('name')}
    </span>
  );
}
