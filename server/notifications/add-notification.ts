// In-app notifications are written in the same transaction as the change they announce.
import type { Prisma } from '../db';

export type NotificationKind =
  | 'TOP_UP_CREDITED'
  | 'TOP_UP_FAILED'
  | 'WITHDRAWAL_PAID'
  | 'WITHDRAWAL_FAILED'
  | 'TRANSFER_RECEIVED';

/** Values for the translated message; amounts as minor-unit strings. */
export type NotificationParams = Record<string, string>;

export async function addNotification(
  tx: Prisma.TransactionClient,
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
