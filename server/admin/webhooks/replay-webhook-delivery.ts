// An admin's manual replay of a notification: one attempt now (resendWebhookEvent), then the
// audit record with the event's state before and after and the attempt's answer. The attempt
// cannot share a transaction with the audit row (no transaction is held over the HTTP call),
// so the record follows it; a replay that could not be sent (unknown event) records nothing.
import 'server-only';
import { inTransaction } from '../../core/in-transaction';
import { resendWebhookEvent } from '../../webhooks/resend-webhook-event';
import type { AppDeps } from '../../core/deps';
import type { WebhookDeliverySettings } from '../../webhooks/deliver-webhook';
import { findWebhookEventOrThrow } from '../../webhooks/find-webhook-event-or-throw';
import { recordAuditEvent } from '../audit/record-audit-event';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type ReplayResult = {
  eventId: string;
  attemptNumber: number;
  delivered: boolean;
  responseStatus: number | null;
  auditEventId: string;
};

export async function replayWebhookDelivery(
  deps: Pick<AppDeps, 'db'> & Pick<WebhookDeliverySettings, 'timeoutMs'>,
  input: { actorId: string; eventId: string },
): Promise<ReplayResult> {
  const { db } = deps;
  await requireAdminOrThrow(db, input.actorId);
  const before = await findWebhookEventOrThrow(db, { eventId: input.eventId, merchantId: null });
  const attempt = await resendWebhookEvent(deps, { eventId: before.id, merchantId: null });
  const delivered = attempt.responseStatus !== null && attempt.responseStatus >= 200 && attempt.responseStatus < 300;
  const audit = await inTransaction(db, async (tx) => {
    const after = await tx.webhookEvent.findUniqueOrThrow({
      where: { id: before.id },
      select: { status: true, attemptCount: true, deliveredAt: true },
    });
    return recordAuditEvent(tx, {
      actorId: input.actorId,
      action: 'webhook.replay',
      targetType: 'webhook_event',
      targetId: before.id,
      before: { status: before.status, attemptCount: before.attemptCount, deliveredAt: before.deliveredAt },
      after: {
        status: after.status,
        attemptCount: after.attemptCount,
        deliveredAt: after.deliveredAt,
        attempt: {
          number: attempt.number,
          responseStatus: attempt.responseStatus,
          error: attempt.error,
          durationMs: attempt.durationMs,
        },
      },
    });
  });
  return {
    eventId: before.id,
    attemptNumber: attempt.number,
    delivered,
    responseStatus: attempt.responseStatus,
    auditEventId: audit.id,
  };
}
