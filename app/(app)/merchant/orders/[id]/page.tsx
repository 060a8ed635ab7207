import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import type { Currency } from '@/ledger';
import { CopyButton } from '@/components/activity/copy-button';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { CloseOrderButton } from '@/components/merchant/close-order-button';
import { OrderStatusBadge } from '@/components/merchant/order-status-badge';
import { OrderTimeline } from '@/components/merchant/order-timeline';
import { RefundForm } from '@/components/merchant/refund-form';
import { ReceiptDownloads } from '@/components/receipts/receipt-downloads';
import { WebhookLog } from '@/components/merchant/webhook-log';
import { Amount } from '@/components/money/amount';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { db } from '@/server/db';
import { getMerchantOrderDetail, type MerchantOrderDetail } from '@/server/merchants/get-merchant-order-detail';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { NotFoundError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.order'))('title') };
}

export default async function MerchantOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { merchant } = await requireMerchant();
  const { id } = await params;
  let detail: MerchantOrderDetail;
  try {
    detail = await getMerchantOrderDetail(db(), merchant.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound(); // another merchant's order looks like none
    throw error;
  }
  const t = await getTranslations('merchantDashboard.order');
  const tw = await getTranslations('merchantDashboard.webhooks');
  const tr = await getTranslations('merchantDashboard.refund');
  const tReceipt = await getTranslations('receipts.download');
  const { order } = detail;
  const currency = order.currency as Currency;
  const when = (at: Date | null) => (at ? formatShanghaiSecond(at) : t('none'));

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('title')} backHref="/merchant/orders" backLabel={t('back')} />
      <Card className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="truncate text-gray-600">{order.subject}</p>
            <p className="text-3xl font-semibold text-gray-900" data-testid="order-amount">
              <Amount amount={order.amount} currency={currency} />
            </p>
          </div>
          <OrderStatusBadge status={order.status} className="text-base" />
        </div>
        <dl
          className="grid grid-cols-2 gap-3 rounded-xl bg-gray-50 p-4 text-sm md:grid-cols-4"
          data-testid="order-amounts"
        >
          <Figure label={t('paid')} value={<Amount amount={order.paidAt ? order.amount : 0n} currency={currency} />} />
          <Figure
            label={t('fee')}
            value={<Amount amount={order.merchantFee} currency={currency} />}
            testId="order-fee"
          />
          <Figure
            label={t('refunded')}
            value={<Amount amount={order.refundedAmount} currency={currency} />}
            testId="order-refunded"
          />
          <Figure
            label={t('net')}
            value={<Amount amount={detail.net} currency={currency} />}
            strong
            testId="order-net"
          />
        </dl>
        {order.paidAt && order.paymentOperationId && (
          <div className="flex flex-col gap-2" data-testid="payment-receipt">
            <h2 className="text-sm font-semibold text-gray-700">{tReceipt('title')}</h2>
            <ReceiptDownloads href={`/merchant/receipts/${order.paymentOperationId}`} compact />
          </div>
        )}
        {order.status === 'PENDING' && <CloseOrderButton orderId={order.id} />}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold text-gray-900">{t('info')}</h2>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            <Row label={t('merchantOrderNo')}>
              <span className="flex items-center gap-1">
                <span className="font-mono break-all">{order.merchantOrderNo}</span>
                <CopyButton value={order.merchantOrderNo} label={t('merchantOrderNo')} />
              </span>
            </Row>
            <Row label={t('orderId')}>
              <span className="flex items-center gap-1">
                <span className="font-mono text-xs break-all">{order.id}</span>
                <CopyButton value={order.id} label={t('orderId')} />
              </span>
            </Row>
            <Row label={t('customer')}>
              <span data-testid="order-customer">{detail.customer ?? t('none')}</span>
            </Row>
            <Row label={t('method')}>{order.paymentMethod ? t(`methods.${order.paymentMethod}`) : t('none')}</Row>
            <Row label={t('created')}>{when(order.createdAt)}</Row>
            <Row label={t('paidAt')}>{when(order.paidAt)}</Row>
            {order.status === 'PENDING' && <Row label={t('expiresAt')}>{when(order.expiresAt)}</Row>}
            {order.closedAt && <Row label={t('closedAt')}>{when(order.closedAt)}</Row>}
            {order.carrier && (
              <Row label={t('shipment')}>
                {order.carrier} {order.trackingNumber}
              </Row>
            )}
            <Row label={t('notifyUrl')}>
              <span className="font-mono text-xs break-all">{order.notifyUrl ?? merchant.webhookUrl ?? t('none')}</span>
            </Row>
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold text-gray-900">{t('timeline')}</h2>
          <OrderTimeline events={detail.events} currency={currency} />
        </Card>
      </div>

      {(detail.refundable > 0n || detail.refunds.length > 0) && (
        <Card className="flex flex-col gap-4" data-testid="refund-card">
          <h2 className="font-semibold text-gray-900">{tr('title')}</h2>
          {detail.refunds.length > 0 && (
            <div>
              <h3 className="mb-1 text-sm font-semibold text-gray-700">{t('refunds')}</h3>
              <ul className="flex flex-col divide-y divide-gray-100 text-sm" data-testid="refund-list">
                {detail.refunds.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <span className="text-gray-600 tabular">{formatShanghaiSecond(r.createdAt)}</span>
                    {r.reason && (
                      <span className="min-w-0 flex-1 break-all text-gray-600">
                        {t('refundReason', { reason: r.reason })}
                      </span>
                    )}
                    <Amount amount={-r.amount} currency={currency} signed className="font-semibold text-gray-900" />
                    <span className="basis-full">
                      <ReceiptDownloads href={`/merchant/receipts/${r.operationId}`} compact />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {detail.refundable > 0n && (
            <RefundForm orderId={order.id} refundable={detail.refundable.toString()} currency={currency} />
          )}
        </Card>
      )}

      <Card>
        <h2 className="mb-3 font-semibold text-gray-900">{tw('title')}</h2>
        <WebhookLog events={detail.notifications} orderId={order.id} />
      </Card>
    </div>
  );
}

function Figure({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: ReactNode;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div className="flex flex-col">
      <dt className="text-gray-600">{label}</dt>
      <dd className={strong ? 'text-lg font-semibold text-gray-900' : 'text-lg text-gray-900'} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="min-w-0 text-gray-900">{children}</dd>
    </>
  );
}
