import { CircleCheck, CirclePause, Clock, Truck, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { Card } from '@/components/ui/card';
import type { CheckoutView } from '@/server/orders/get-checkout-view';
import { MerchantActions } from './merchant-actions';
import { OrderSummary } from './order-summary';

/**
 * An order that cannot be paid (expired, closed, already paid, or its merchant paused by the
 * platform): a clear page with no form, so no money can move. Its payer sees 已支付 with the
 * payment and the shipment.
 */
const TEXT_KEY = {
  PAID: 'unavailable.paidText',
  EXPIRED: 'unavailable.expiredText',
  CLOSED: 'unavailable.closedText',
  MERCHANT_PAUSED: 'unavailable.merchantPausedText',
} as const;

export function OrderUnavailable({ view }: { view: CheckoutView }) {
  const t = useTranslations('checkout');
  const state = view.state === 'PAYABLE' ? 'EXPIRED' : view.state;
  const payment = view.viewer?.payment ?? null;
  const Icon =
    state === 'PAID' ? CircleCheck : state === 'EXPIRED' ? Clock : state === 'MERCHANT_PAUSED' ? CirclePause : XCircle;
  const title = payment ? t('unavailable.paidByYou') : t(`unavailable.${state}`);
  const text = payment ? null : t(TEXT_KEY[state]);
  const refund =
    payment && view.order.status === 'REFUNDED'
      ? t('unavailable.refunded')
      : payment && view.order.status === 'PARTIALLY_REFUNDED'
        ? t('unavailable.partiallyRefunded')
        : null;

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4" data-testid="order-unavailable" data-state={state}>
      <Card className="flex flex-col items-center gap-2 py-8 text-center">
        <Icon aria-hidden className={state === 'PAID' ? 'size-12 text-green-700' : 'size-12 text-gray-500'} />
        <h1 className="text-xl font-semibold text-gray-900" data-testid="unavailable-title">
          {title}
        </h1>
        {text ? <p className="max-w-sm text-gray-600">{text}</p> : null}
        {refund ? (
          <p className="rounded-full bg-gray-100 px-2.5 py-0.5 text-sm font-semibold text-gray-700">{refund}</p>
        ) : null}
      </Card>
      <Card>
        <OrderSummary order={view.order} muted={state !== 'PAID'} />
        {payment?.paidAt ? (
          <dl className="mt-2 flex justify-between gap-4 text-sm">
            <dt className="text-gray-500">{t('unavailable.paidAt')}</dt>
            <dd className="text-gray-900 tabular">{formatShanghaiSecond(payment.paidAt)}</dd>
          </dl>
        ) : null}
        {payment?.shipment ? (
          <div className="mt-4 flex flex-col gap-2 rounded-xl bg-gray-50 p-3 text-sm" data-testid="shipment">
            <p className="flex items-center gap-1.5 font-semibold text-gray-900">
              <Truck aria-hidden className="size-4 text-brand-600" />
              {t('unavailable.shipped')}
            </p>
            <dl className="flex flex-col gap-2">
              <div className="flex justify-between gap-4">
                <dt className="text-gray-500">{t('unavailable.carrier')}</dt>
                <dd className="text-gray-900">{payment.shipment.carrier}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-gray-500">{t('unavailable.trackingNumber')}</dt>
                <dd className="font-mono break-all text-gray-900">{payment.shipment.trackingNumber}</dd>
              </div>
            </dl>
          </div>
        ) : null}
      </Card>
      <MerchantActions returnUrl={view.order.returnUrl} operationId={payment?.operationId ?? null} />
    </div>
  );
}
