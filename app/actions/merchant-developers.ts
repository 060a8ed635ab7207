'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/server/db';
import { revokeApiKey } from '@/server/merchants/api-keys';
import {
  changeWebhookUrlWithPin,
  createApiKeyWithPin,
  revealWebhookSecretWithPin,
  rotateWebhookSecretWithPin,
} from '@/server/merchants/pin-guarded-credentials';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { safeTextOrThrow } from '@/server/text/safe-text';
import { InvalidInputError, NotFoundError } from '@/server/core/domain-errors';
import { idField, pinField } from '@/server/core/form-input';
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

/** The secret key is in this answer and nowhere else (stored as SHA-256 only). Needs the payment PIN. */
export async function createApiKeyAction(
  form: FormData,
): Promise<ActionResult<{ id: string; prefix: string; label: string; secretKey: string }>> {
  const { user, merchant } = await requireMerchant();
  return runAction(async () => {
    const label = labelField(form);
    const key = await createApiKeyWithPin(db(), { merchantId: merchant.id, userId: user.id }, label, pinField(form));
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
  const { user, merchant } = await requireMerchant();
  return runAction(async () => {
    const raw = form.get('webhookUrl');
    const actor = { merchantId: merchant.id, userId: user.id };
    const webhookUrl = await changeWebhookUrlWithPin(db(), actor, typeof raw === 'string' ? raw : '', pinField(form));
    revalidatePath('/merchant/developers');
    return { webhookUrl };
  });
}

/** The signing secret is sent to the browser only when the merchant asks to see it, with the payment PIN. */
export async function revealWebhookSecretAction(form: FormData): Promise<ActionResult<{ secret: string }>> {
  const { user, merchant } = await requireMerchant();
  return runAction(async () => ({
    secret: await revealWebhookSecretWithPin(db(), { merchantId: merchant.id, userId: user.id }, pinField(form)),
  }));
}

export async function rotateWebhookSecretAction(form: FormData): Promise<ActionResult<{ secret: string }>> {
  const { user, merchant } = await requireMerchant();
  return runAction(async () => ({
    secret: await rotateWebhookSecretWithPin(db(), { merchantId: merchant.id, userId: user.id }, pinField(form)),
  }));
}
