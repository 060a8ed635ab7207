// One notification with every attempt, for the admin (any merchant's).
import 'server-only';
import type { Db } from '../../db';
import { findWebhookEventOrThrow, type WebhookEventWithAttempts } from '../../webhooks/find-webhook-event-or-throw';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type WebhookDeliveryDetail = WebhookEventWithAttempts & { shopName: string };

export async function getWebhookDeliveryOrThrow(
  db: Db,
  actorId: string,
  eventId: string,
): Promise<WebhookDeliveryDetail> {
  await requireAdminOrThrow(db, actorId);
  const event = await findWebhookEventOrThrow(db, { eventId, merchantId: null });
  const merchant = await db.merchant.findUnique({ where: { id: event.merchantId }, select: { shopName: true } });
  return { ...event, shopName: merchant?.shopName ?? '' };
}
