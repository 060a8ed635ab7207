import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonVariants } from '@/components/ui/button';
import { linkCardHref } from '@/lib/navigation/card-link-return-path';

/**
 * Shown instead of a top-up or withdrawal form until a bank account is linked; `returnPath`
 * (that flow's own path, checked) is where linking the card comes back to.
 */
export async function NeedBankAccount({ message, returnPath = null }: { message: string; returnPath?: string | null }) {
  const t = await getTranslations('bankAccounts');
  return (
    <div className="flex flex-col items-center gap-3 py-6 text-center">
      <p className="text-gray-700">{message}</p>
      <Link href={linkCardHref(returnPath)} className={buttonVariants({ variant: 'primary' })}>
        {t('add')}
      </Link>
    </div>
  );
}
