import { ArrowLeft, House, ReceiptText } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/**
 * At most two actions under a result: back to the merchant (only an http(s) return_url;
 * otherwise home), and the payment in the activity when there is one.
 */
export function MerchantActions({ returnUrl, operationId }: { returnUrl: string | null; operationId: string | null }) {
  const t = useTranslations('checkout');
  return (
    <div className="flex flex-col gap-3">
      {returnUrl ? (
        <a
          href={returnUrl}
          className={buttonVariants({ variant: 'primary', size: 'lg', block: true })}
          data-testid="back-to-merchant"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t('backToMerchant')}
        </a>
      ) : (
        <Link
          href="/"
          className={buttonVariants({ variant: 'primary', size: 'lg', block: true })}
          data-testid="back-home"
        >
          <House aria-hidden className="size-4" />
          {t('backHome')}
        </Link>
      )}
      {operationId ? (
        <Link
          href={`/activity/${operationId}`}
          className={buttonVariants({ variant: 'secondary', size: 'lg', block: true })}
          data-testid="view-payment"
        >
          <ReceiptText aria-hidden className="size-4" />
          {t('viewPayment')}
        </Link>
      ) : null}
    </div>
  );
}
