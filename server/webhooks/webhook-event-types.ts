// The notifications a merchant can receive (merchant API contract, "Notifications").
export const WEBHOOK_EVENT_TYPES = [
  'order.paid',
  'order.refunded',
  'order.closed',
  'payout.succeeded',
  'payout.failed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body POSTed to the merchant, stored as the event's payload and sent byte-identical on every attempt. */
export type WebhookBody = { id: string; type: WebhookEventType; created_at: string; data: Record<string, unknown> };
