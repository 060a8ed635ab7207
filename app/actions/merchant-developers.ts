'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/server/db';
import { createApiKey, revokeApiKey } from '@/server/merchants/api-keys';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { rotateMerchantWebhookSecret, setMerchantWebhookUrl } from '@/server/merchants/update-merchant-webhook';
import { safeTextOrThrow } from '@/server/text/safe-text';
import { InvalidInputError, NotFoundError } from '@/server/wallet/wallet-errors';
import { idField } from '@/server/wallet/wallet-input';
import { runAction, type ActionResult } from './action-result';

const API_KEY_LABEL_MAX = 40;

function labelField(form: FormData): string {
  const raw = form.get('label');
  const label = typeof raw === 'string' ? raw.trim() : '';
  if (label === '' || Array.from(label).length > API_KEY_LABEL_MAX) {
    throw new InvalidInputError('label', `label must be 1 to ${API_KEY_LABEL_MAX} characters`);
  }
  return safeTextOrThrow('label', label);
}

/** The secret key is in this answer and nowhere else (stored as SHA-256 only). */
export async function createApiKeyAction(form: FormData): Promise<ActionResult<{ id: string; prefix: string; label: string; secretKey: string }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    const key = await createApiKey(db(), merchant.id, labelField(form));
    revalidatePath('/merchant/developers');
    return { id: key.id, prefix: key.prefix, label: key.label, secretKey: key.secretKey };
  });
}

export async function revokeApiKeyAction(form: FormData): Promise<ActionResult<{ revoked: true }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    if (!(await revokeApiKey(db(), merchant.id, idField(form, 'keyId')))) throw new NotFoundError('API key');
    revalidatePath('/merchant/developers');
    return { revoked: true as const };
  });
}

export async function setWebhookUrlAction(form: FormData): Promise<ActionResult<{ webhookUrl: string | null }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => {
    const raw = form.get('webhookUrl');
    const webhookUrl = await setMerchantWebhookUrl(db(), merchant.id, typeof raw === 'string' ? raw : '');
    revalidatePath('/merchant/developers');
    return { webhookUrl };
  });
}

/** The signing secret is sent to the browser only when the merchant asks to see it. */
export async function revealWebhookSecretAction(): Promise<ActionResult<{ secret: string }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => ({ secret: merchant.webhookSecret }));
}

export async function rotateWebhookSecretAction(): Promise<ActionResult<{ secret: string }>> {
  const { merchant } = await requireMerchant();
  return runAction(async () => ({ secret: await rotateMerchantWebhookSecret(db(), merchant.id) }));
}
