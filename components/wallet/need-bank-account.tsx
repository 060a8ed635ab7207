import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonVariants } from '@/components/ui/button';
import { withCheckoutReturn } from '@/lib/navigation/checkout-return-path';

/** Shown instead of a top-up or withdrawal form until a bank account is linked. */
export async function NeedBankAccount({ message, next = null }: { message: string; next?: string | null }) {
  const t = await getTranslations('bankAccounts');
  return (
    <div className="flex flex-col items-center gap-3 py-6 text-center">
      <p className="text-gray-700">{message}</p>
      <Link href={withCheckoutReturn('/bank-accounts', next)} className={buttonVariants({ variant: 'primary' })}>
        {t('add')}
      </Link>
    </div>
  );
}
