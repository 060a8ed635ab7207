'use server';

import { revalidatePath } from 'next/cache';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { closeOrder } from '@/server/orders/close-order';
import { refundOrder } from '@/server/orders/refund-order';
import { db } from '@/server/db';
import { resendWebhookEvent } from '@/server/webhooks/resend-webhook-event';
import { appDeps } from '@/server/core/deps-instance';
import { safeTextOrThrow } from '@/server/text/safe-text';
import { InvalidInputError } from '@/server/core/domain-errors';
import { amountField, idempotencyKeyField, idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

const REFUND_REASON_MAX = 200;

function reasonField(form: FormData): string | null {
  const raw = form.get('reason');
  if (raw !== null && typeof raw !== 'string') throw new InvalidInputError('reason', 'reason must be text');
  const reason = (raw ?? '').trim();
  if (reason === '') return null;
  if (Array.from(reason).length > REFUND_REASON_MAX) {
    throw new InvalidInputError('reason', `reason must be at most ${REFUND_REASON_MAX} characters of text`);
  }
  return safeTextOrThrow('reason', reason);
}

/** Refund (part of) one of the signed-in merchant's orders; the key is made when the form loads. */
export async function refundOrderAction(form: FormData): Promise<ActionResult<{ refundId: string; amount: string }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    const orderId = idField(form, 'orderId');
    const refund = await refundOrder(await appDeps(), {
      merchantId: merchant.id,
      orderId,
      amount: amountField(form),
      reason: reasonField(form),
      idempotencyKey: idempotencyKeyField(form),
    });
    revalidatePath(`/merchant/orders/${orderId}`);
    return { refundId: refund.id, amount: refund.amount.toString() };
  });
}

export async function closeOrderAction(form: FormData): Promise<ActionResult<{ status: string }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    const orderId = idField(form, 'orderId');
    const order = await closeOrder(await appDeps(), { merchantId: merchant.id, orderId });
    revalidatePath(`/merchant/orders/${orderId}`);
    return { status: order.status };
  });
}

/** One manual delivery attempt of the merchant's own notification, now. */
export async function resendWebhookAction(
  form: FormData,
): Promise<ActionResult<{ responseStatus: number | null; delivered: boolean }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    const attempt = await resendWebhookEvent(
      { db: db() },
      { eventId: idField(form, 'eventId'), merchantId: merchant.id },
    );
    const orderId = form.get('orderId');
    if (typeof orderId === 'string' && /^[0-9a-f-]{36}$/i.test(orderId)) revalidatePath(`/merchant/orders/${orderId}`);
    const status = attempt.responseStatus;
    return { responseStatus: status, delivered: status !== null && status >= 200 && status < 300 };
  });
}
