// The outbox side of merchant notifications: called by the order and payout use cases INSIDE
// their transaction, so the event row and its first delivery job commit (or roll back) with
// the change they tell of.
import 'server-only';
import type { Tx, Prisma } from '../db';
import { QUEUES, type JobQueue } from '../jobs/job-queue';
import { NotFoundError } from '../core/domain-errors';
import { uuidv7 } from './uuid-v7';
import type { WebhookBody, WebhookEventType } from './webhook-event-types';
import { isDeliverableWebhookUrl } from './webhook-url';

export type RecordWebhookEventInput = {
  merchantId: string;
  type: WebhookEventType;
  orderId?: string | null;
  /** The order's notify_url; when empty the merchant's webhook URL is used. */
  url?: string | null;
  data: Record<string, unknown>;
};

/** JSON-safe data: bigints (minor units) become numbers, refusing any beyond 2^53 rather than rounding. */
function toJsonData(data: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value !== 'bigint') return value;
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`webhook data: ${value} is not a safe JSON integer`);
    }
    return Number(value);
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/** An event ready to be written: its id, where it goes and the exact body that will be sent. */
export type PreparedWebhookEvent = { id: string; url: string; payload: WebhookBody; createdAt: Date };

/**
 * The event's row, built from the merchant's URL (the order's notify_url, else `merchantUrl`).
 * Null when there is nowhere to notify, or when the URL is not http(s): a bad URL must not
 * roll back the payment it would have told of.
 */
export function prepareWebhookEvent(
  input: RecordWebhookEventInput,
  merchantUrl: string | null | undefined,
): PreparedWebhookEvent | null {
  const url = input.url?.trim() || merchantUrl?.trim() || null;
  if (!url) return null;
  if (!isDeliverableWebhookUrl(url)) {
    console.warn(
      `[webhooks] ${input.type} for merchant ${input.merchantId} not recorded: only http(s) URLs are notified`,
    );
    return null;
  }
  const createdAt = new Date();
  const id = uuidv7(createdAt.getTime());
  const payload: WebhookBody = {
    id,
    type: input.type,
    created_at: createdAt.toISOString(),
    data: toJsonData(input.data),
  };
  return { id, url, payload, createdAt };
}

/**
 * Writes the event (its payload is exactly the body that will be sent) and enqueues its
 * first delivery. Returns null when the merchant has nowhere to be notified (prepareWebhookEvent).
 */
export async function recordWebhookEvent(
  tx: Tx,
  jobs: JobQueue,
  input: RecordWebhookEventInput,
): Promise<{ id: string } | null> {
  let merchantUrl: string | null = null;
  if (!input.url?.trim()) {
    const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { webhookUrl: true } });
    if (!merchant) throw new NotFoundError('Merchant');
    merchantUrl = merchant.webhookUrl;
  }
  const event = prepareWebhookEvent(input, merchantUrl);
  if (!event) return null;
  await tx.webhookEvent.create({
    data: {
      id: event.id,
      merchantId: input.merchantId,
      type: input.type,
      orderId: input.orderId ?? null,
      url: event.url,
      payload: event.payload as unknown as Prisma.InputJsonValue,
      status: 'PENDING',
      nextAttemptAt: event.createdAt,
      createdAt: event.createdAt,
    },
  });
  await jobs.enqueue(tx, QUEUES.deliverWebhook, { eventId: event.id });
  return { id: event.id };
}
