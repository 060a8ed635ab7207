// The merchant's webhook endpoint (payout.* events, and order events of orders without a
// notify_url) and its signing secret. URLs are http(s) only, like every notification URL,
// and in production not on a private address (webhooks/webhook-url.ts).
import 'server-only';
import type { Db } from '../db';
import { isDeliverableWebhookUrl, privateHostRefusal, privateWebhookAddressesAllowed } from '../webhooks/webhook-url';
import { InvalidInputError, NotFoundError } from '../core/domain-errors';
import { newWebhookSecret } from './api-keys';

export const WEBHOOK_URL_MAX = 2048;

/** '' clears it; anything else must be an http(s) URL, on a public address in production. */
export function parseWebhookUrl(raw: string, allowPrivateAddresses = privateWebhookAddressesAllowed()): string | null {
  const url = raw.trim();
  if (url === '') return null;
  if (url.length > WEBHOOK_URL_MAX)
    throw new InvalidInputError('webhookUrl', `The URL is at most ${WEBHOOK_URL_MAX} characters`);
  if (!isDeliverableWebhookUrl(url)) throw new InvalidInputError('webhookUrl', 'Enter an http:// or https:// URL');
  const privateHost = privateHostRefusal(url, allowPrivateAddresses);
  if (privateHost) throw new InvalidInputError('webhookUrl', privateHost);
  return url;
}

export async function setMerchantWebhookUrl(db: Db, merchantId: string, raw: string): Promise<string | null> {
  const webhookUrl = parseWebhookUrl(raw);
  await db.merchant.update({ where: { id: merchantId }, data: { webhookUrl } });
  return webhookUrl;
}

/** How long notifications still carry a signature made with the secret before a rotation. */
export const PREVIOUS_WEBHOOK_SECRET_HOURS = 24;

/**
 * A new secret: every attempt from now on is signed with it (retries of older events too),
 * and for PREVIOUS_WEBHOOK_SECRET_HOURS also with the one it replaces, so the merchant's
 * server keeps verifying notifications until it has the new one. One statement: the row
 * lock orders two rotations at once, so neither loses the other's secret.
 */
export async function rotateMerchantWebhookSecret(db: Db, merchantId: string): Promise<string> {
  const webhookSecret = newWebhookSecret();
  const updated = await db.$executeRaw`
    UPDATE merchants
    SET previous_webhook_secret = webhook_secret,
        previous_webhook_secret_expires_at = now() + make_interval(hours => ${PREVIOUS_WEBHOOK_SECRET_HOURS}::int),
        webhook_secret = ${webhookSecret}
    WHERE id = ${merchantId}::uuid`;
  if (updated !== 1) throw new NotFoundError('merchant');
  return webhookSecret;
}
