'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { replayWebhookDelivery } from '@/server/admin/webhooks/replay-webhook-delivery';
import { idField } from '@/server/core/form-input';
import { runAction, type ActionResult } from './action-result';

/** Send a notification again now (audited); says what the merchant's server answered. */
export async function replayWebhookAction(
  form: FormData,
): Promise<ActionResult<{ delivered: boolean; responseStatus: number | null; attemptNumber: number }>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const eventId = idField(form, 'eventId');
    const result = await replayWebhookDelivery({ db: db() }, { actorId: admin.id, eventId });
    revalidatePath(`/admin/webhooks/${eventId}`);
    revalidatePath('/admin/webhooks');
    return { delivered: result.delivered, responseStatus: result.responseStatus, attemptNumber: result.attemptNumber };
  });
}
