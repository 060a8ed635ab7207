// The merchant's credential changes, each confirmed with the merchant user's payment PIN
// (a session alone never grants access): creating an API key, seeing or rotating the
// webhook signing secret, changing the webhook URL. Input is checked before the PIN, so a
// mistyped URL costs no attempt; a refused PIN changes nothing.
import 'server-only';
import type { Db } from '../db';
import { verifyPaymentPin } from '../pin/verify-payment-pin';
import { NotFoundError } from '../core/domain-errors';
import { createApiKey, type CreatedApiKey } from './api-keys';
import { parseWebhookUrl, rotateMerchantWebhookSecret } from './update-merchant-webhook';

/** The approved merchant and its signed-in user (require-merchant.ts checked both). */
export type MerchantActor = { merchantId: string; userId: string };

export async function createApiKeyWithPin(
  db: Db,
  actor: MerchantActor,
  label: string,
  pin: string,
): Promise<CreatedApiKey> {
  await verifyPaymentPin(db, actor.userId, pin);
  return createApiKey(db, actor.merchantId, label);
}

export async function revealWebhookSecretWithPin(db: Db, actor: MerchantActor, pin: string): Promise<string> {
  await verifyPaymentPin(db, actor.userId, pin);
  const merchant = await db.merchant.findUnique({ where: { id: actor.merchantId }, select: { webhookSecret: true } });
  if (!merchant) throw new NotFoundError('merchant');
  return merchant.webhookSecret;
}

export async function rotateWebhookSecretWithPin(db: Db, actor: MerchantActor, pin: string): Promise<string> {
  await verifyPaymentPin(db, actor.userId, pin);
  return rotateMerchantWebhookSecret(db, actor.merchantId);
}

export async function changeWebhookUrlWithPin(
  db: Db,
  actor: MerchantActor,
  rawUrl: string,
  pin: string,
): Promise<string | null> {
  const webhookUrl = parseWebhookUrl(rawUrl);
  await verifyPaymentPin(db, actor.userId, pin);
  await db.merchant.update({ where: { id: actor.merchantId }, data: { webhookUrl } });
  return webhookUrl;
}
