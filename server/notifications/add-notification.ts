// In-app notifications are written in the same transaction as the change they announce.
import 'server-only';
import type { Tx } from '../db';

export type NotificationKind =
  | 'TOP_UP_CREDITED'
  | 'TOP_UP_FAILED'
  | 'WITHDRAWAL_PAID'
  | 'WITHDRAWAL_FAILED'
  | 'TRANSFER_RECEIVED'
  /** To the sender, as Alipay's 转账成功 notice (params: amount, currency, to). */
  | 'TRANSFER_SENT'
  /** The customer paid an order (params: amount, currency, shop, subject). */
  | 'PAYMENT_SUCCEEDED'
  | 'PAYMENT_FAILED'
  /** The bank paid an order that was no longer payable: the money went to the balance. */
  | 'PAYMENT_CREDITED_TO_BALANCE'
  /** The merchant shipped (params: shop, subject, carrier, trackingNumber, orderId). */
  | 'ORDER_SHIPPED'
  | 'REFUND_RECEIVED'
  /** To the merchant's user. */
  | 'PAYOUT_PAID'
  | 'PAYOUT_FAILED';

/** Values for the translated message; amounts as minor-unit strings. */
export type NotificationParams = Record<string, string>;

export async function addNotification(
  tx: Tx,
  notification: { userId: string; kind: NotificationKind; operationId?: string; params: NotificationParams },
): Promise<void> {
  await tx.notification.create({
    data: {
      userId: notification.userId,
      kind: notification.kind,
      operationId: notification.operationId ?? null,
      params: notification.params,
    },
  });
}
