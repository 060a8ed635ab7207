import { ArrowLeft } from 'lucide-react';
import { useTranslations } from 'next-intl';

/**
 * The checkout's title, and the way back to the shop for someone who changes their mind
 * before paying (WeChat Pay's and Alipay's cashiers have it top left). `backUrl` is already
 * checked (merchantBackUrl): a plain http(s) address of the merchant, or null for no link.
 */
export function CheckoutHeading({ backUrl }: { backUrl: string | null }) {
  const t = useTranslations('checkout');
  return (
    <div className="mb-4 flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <h1 className="text-lg font-semibold text-gray-900 md:text-xl" data-testid="checkout-heading">
        {t('heading')}
      </h1>
      {backUrl ? (
        <a
          href={backUrl}
          data-testid="checkout-back-to-merchant"
          className="-mr-2 inline-flex min-h-11 items-center gap-1 rounded-lg px-2 text-sm font-semibold text-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t('leaveToMerchant')}
        </a>
      ) : null}
    </div>
  );
}
