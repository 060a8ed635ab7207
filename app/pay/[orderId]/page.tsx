import { getLocale, getTranslations } from 'next-intl/server';
import { formatAmountPlain, formatMoney } from '@/ledger';
import { CheckoutHeading } from '@/components/checkout/checkout-heading';
import { CheckoutQr } from '@/components/checkout/checkout-qr';
import { CountdownText, ExpiryClock } from '@/components/checkout/expiry-clock';
import { OrderSummary } from '@/components/checkout/order-summary';
import { OrderUnavailable } from '@/components/checkout/order-unavailable';
import { PaymentPanel } from '@/components/checkout/payment-panel';
import { SignInToPay } from '@/components/checkout/sign-in-to-pay';
import { Card } from '@/components/ui/card';
import { db } from '@/server/db';
import { appUrl } from '@/server/env';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';
import { withCheckoutReturn } from '@/lib/navigation/checkout-return-path';
import { loadCheckout } from './load-checkout';

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props) {
  const { view } = await loadCheckout((await params).orderId);
  return { title: `${(await getTranslations('checkout'))('title')} · ${view.order.shopName}` };
}

/** The hosted checkout (收银台): summary left, payment right on desktop; one column on phones. */
export default async function CheckoutPage({ params }: Props) {
  const { orderId } = await params;
  const { user, view } = await loadCheckout(orderId);
  if (view.state !== 'PAYABLE') return <OrderUnavailable view={view} />;

  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const money = (amount: bigint) => formatMoney({ amount, currency: view.order.currency }, locale);
  const pagePath = `/pay/${view.order.id}`;
  const qr = <CheckoutQr url={`${appUrl()}${pagePath}`} className="size-44 rounded-lg border border-gray-200" />;
  const viewer = view.viewer;
  const missing = viewer ? view.order.amount - viewer.available : 0n;
  const pin = user && viewer ? await paymentPinStatus(db(), user.id) : null;

  return (
    <ExpiryClock remainingMs={view.remainingMs}>
      <CheckoutHeading backUrl={view.order.backUrl} />
      <div className="grid gap-4 md:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] md:items-start md:gap-6">
        <Card className="md:p-6">
          <OrderSummary order={view.order}>
            <CountdownText />
          </OrderSummary>
        </Card>
        <Card className="md:p-6" data-testid="checkout-payment">
          {user && viewer && pin ? (
            <PaymentPanel
              orderId={view.order.id}
              shopName={view.order.shopName}
              amountText={money(view.order.amount)}
              feeText={money(0n)}
              pin={{ isSet: pin.isSet, lockedUntil: pin.lockedUntil?.toISOString() ?? null }}
              availableText={money(viewer.available)}
              missingText={missing > 0n ? money(missing) : null}
              topUpHref={withCheckoutReturn(
                missing > 0n ? `/top-up?amount=${formatAmountPlain(missing, view.order.currency)}` : '/top-up',
                pagePath,
              )}
              accounts={viewer.bankAccounts}
              blocked={viewer.ownOrder ? 'OWN_ORDER' : viewer.frozen ? 'FROZEN' : null}
              pendingOperationId={viewer.pendingOperationId}
              qr={qr}
            />
          ) : (
            <SignInToPay callbackPath={pagePath} qr={qr} />
          )}
        </Card>
      </div>
    </ExpiryClock>
  );
}
