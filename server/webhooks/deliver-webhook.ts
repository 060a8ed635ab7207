// One delivery attempt of a notification, scheduled (the worker) or manual (a resend).
//
// Concurrency: the attempt number is claimed by one UPDATE of the event row (row lock), so
// two attempts never share a number; a scheduled claim also needs the event PENDING and due,
// and moves next_attempt_at past the attempt (a lease), so a duplicate job or a job retry
// finds it not due and sends nothing. No transaction is held open during the HTTP call. A
// success is logged and marks the event DELIVERED in one statement; a failure is logged in a
// second short transaction that locks the row again and decides from its state then (a
// manual success is never undone by a scheduled failure that ran beside it). A crash between the two leaves a skipped number and a PENDING
// event whose lease runs out, which the sweep picks up.
import 'server-only';
import type { AppDeps } from '../core/deps';
import { inTransaction } from '../core/in-transaction';
import type { Db } from '../db';
import type { WebhookAttempt } from '../generated/prisma/client';
import { QUEUES } from '../jobs/job-queue';
import { signPayloadWithSecrets } from '../../lib/signing/hmac-signature';
import { sendWebhookRequest, WEBHOOK_TIMEOUT_MS, type WebhookResponse } from './send-webhook-request';
import type { WebhookBody } from './webhook-event-types';
import { DEFAULT_WEBHOOK_SCHEDULE_SECONDS } from './webhook-retry-schedule';
import { webhookSigningSecrets } from './webhook-signing-secrets';
import { isDeliverableWebhookUrl, privateWebhookAddressesAllowed } from './webhook-url';

/** How attempts are made: the app takes the defaults, tests shorten them. */
export type WebhookDeliverySettings = {
  /** Wait before each automatic attempt (entry 0 = attempt 1); defaults to the real schedule. */
  scheduleSeconds?: readonly number[];
  timeoutMs?: number;
  /** Send to private and reserved addresses too; defaults to the environment's policy. */
  allowPrivateAddresses?: boolean;
};

export type WebhookDeliveryDeps = Pick<AppDeps, 'db' | 'jobs'> & WebhookDeliverySettings;

export type DeliveryResult =
  | { sent: false; reason: 'NOT_FOUND' | 'NOT_DUE' }
  | { sent: true; attempt: WebhookAttempt; status: 'PENDING' | 'DELIVERED' | 'FAILED'; nextAttemptAt: Date | null };

type Claimed = {
  number: number;
  merchant_id: string;
  url: string;
  payload: string;
  /** The merchant's signing secrets, read by the claim itself (null: the merchant is gone). */
  webhook_secret: string | null;
  previous_webhook_secret: string | null;
  previous_webhook_secret_expires_at: Date | null;
};

/** How long past its timeout a claimed scheduled attempt may take before the sweep may try again. */
const LEASE_MARGIN_SECONDS = 30;
/** The request was sent: wait for a connection rather than lose its log to a busy pool. */
const LOG_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };
/** A new event's first attempt time comes from the app's clock, its job's from the database's: slack for a small skew. */
const DUE_SLACK_SECONDS = 2;

async function claimAttempt(db: Db, eventId: string, manual: boolean, leaseSeconds: number): Promise<Claimed | null> {
  // The merchant's secrets come with the claim (a lateral join that still claims when the
  // merchant is gone), so an attempt reads the database once before its request.
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE webhook_events
       SET attempt_count = attempt_count + 1,
           next_attempt_at = CASE WHEN ${manual} THEN next_attempt_at
                                  ELSE clock_timestamp() + make_interval(secs => ${leaseSeconds}) END
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT webhook_secret, previous_webhook_secret, previous_webhook_secret_expires_at
                           FROM merchants WHERE id = (SELECT merchant_id FROM webhook_events WHERE id = ${eventId}::uuid)) m ON true
     WHERE id = ${eventId}::uuid
       AND (${manual} OR (status = 'PENDING'
            AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp() + make_interval(secs => ${DUE_SLACK_SECONDS}))))
    RETURNING attempt_count AS number, merchant_id::text AS merchant_id, url, payload::text AS payload,
              m.webhook_secret, m.previous_webhook_secret, m.previous_webhook_secret_expires_at`;
  return rows[0] ?? null;
}

/** The exact bytes sent: the stored body, top-level fields in the contract's order. */
function serialiseBody(payload: string): string {
  const p = JSON.parse(payload) as WebhookBody;
  return JSON.stringify({ id: p.id, type: p.type, created_at: p.created_at, data: p.data });
}

async function post(
  eventId: string,
  claimed: Claimed,
  timeoutMs: number,
  publicOnly: boolean,
): Promise<WebhookResponse> {
  if (!isDeliverableWebhookUrl(claimed.url)) {
    return { ok: false, status: null, body: null, error: 'Not sent: only http(s) URLs are notified', durationMs: 0 };
  }
  if (claimed.webhook_secret === null)
    return { ok: false, status: null, body: null, error: 'Not sent: the merchant no longer exists', durationMs: 0 };
  const body = serialiseBody(claimed.payload); // serialised once: the string signed is the string sent
  return sendWebhookRequest(
    claimed.url,
    body,
    {
      'Content-Type': 'application/json',
      'User-Agent': 'Wallet-Webhooks/1.0',
      'Wallet-Signature': signPayloadWithSecrets(
        body,
        webhookSigningSecrets({
          webhookSecret: claimed.webhook_secret,
          previousWebhookSecret: claimed.previous_webhook_secret,
          previousWebhookSecretExpiresAt: claimed.previous_webhook_secret_expires_at,
        }),
      ),
      'Wallet-Event-Id': eventId,
    },
    { timeoutMs, publicOnly },
  );
}

/**
 * Makes one attempt. Scheduled (`manual: false`): only a PENDING event that is due; after a
 * failure the next attempt is enqueued on the schedule, after the last the event is FAILED.
 * Manual: any status, now; its failure changes nothing, its success marks the event DELIVERED.
 */
export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  eventId: string,
  options: { manual: boolean },
): Promise<DeliveryResult> {
  const schedule = deps.scheduleSeconds ?? DEFAULT_WEBHOOK_SCHEDULE_SECONDS;
  const timeoutMs = deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const claimed = await claimAttempt(
    deps.db,
    eventId,
    options.manual,
    Math.ceil(timeoutMs / 1000) + LEASE_MARGIN_SECONDS,
  );
  if (!claimed) {
    if (options.manual) return { sent: false, reason: 'NOT_FOUND' };
    return { sent: false, reason: 'NOT_DUE' };
  }

  const answer = await post(
    eventId,
    claimed,
    timeoutMs,
    !(deps.allowPrivateAddresses ?? privateWebhookAddressesAllowed()),
  );

  // Delivered: the attempt and the event's new state in one statement. Whatever happened to
  // the event meanwhile, a success makes it DELIVERED (as the locked read below would decide).
  if (answer.ok) return recordDelivered(deps.db, eventId, claimed.number, options.manual, answer);

  return inTransaction(
    deps.db,
    async (tx) => {
      const [event] = await tx.$queryRaw<{ status: 'PENDING' | 'DELIVERED' | 'FAILED' }[]>`
      SELECT status::text AS status FROM webhook_events WHERE id = ${eventId}::uuid FOR UPDATE`;
      if (!event) throw new Error(`Webhook event ${eventId} vanished during its delivery`);
      const attempt = await tx.webhookAttempt.create({
        data: {
          eventId,
          number: claimed.number,
          manual: options.manual,
          responseStatus: answer.status,
          responseBody: answer.body,
          error: answer.error,
          durationMs: answer.durationMs,
        },
      });

      // A manual failure leaves the schedule as it was; so does a scheduled one that a manual
      // resend overtook (the event is DELIVERED by now).
      if (options.manual || event.status !== 'PENDING') {
        const current = await tx.webhookEvent.findUniqueOrThrow({
          where: { id: eventId },
          select: { status: true, nextAttemptAt: true },
        });
        return { sent: true, attempt, status: current.status, nextAttemptAt: current.nextAttemptAt };
      }

      const automaticAttempts = await tx.webhookAttempt.count({ where: { eventId, manual: false } });
      const delay = schedule[automaticAttempts];
      if (delay === undefined) {
        await tx.webhookEvent.update({ where: { id: eventId }, data: { status: 'FAILED', nextAttemptAt: null } });
        return { sent: true, attempt, status: 'FAILED', nextAttemptAt: null };
      }
      // The job and next_attempt_at share this transaction's clock (pg-boss uses now()).
      const [row] = await tx.$queryRaw<{ next_attempt_at: Date }[]>`
      UPDATE webhook_events SET next_attempt_at = now() + make_interval(secs => ${delay})
       WHERE id = ${eventId}::uuid RETURNING next_attempt_at`;
      await deps.jobs.enqueue(tx, QUEUES.deliverWebhook, { eventId }, { startAfterSeconds: delay });
      return { sent: true, attempt, status: 'PENDING', nextAttemptAt: row!.next_attempt_at };
    },
    LOG_TRANSACTION,
  );
}

type AttemptRow = {
  id: string;
  event_id: string;
  number: number;
  manual: boolean;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  duration_ms: number;
  created_at: Date;
};

async function recordDelivered(
  db: Db,
  eventId: string,
  number: number,
  manual: boolean,
  answer: WebhookResponse,
): Promise<DeliveryResult> {
  const [row] = await db.$queryRaw<AttemptRow[]>`
    WITH delivered AS (
      UPDATE webhook_events
         SET status = 'DELIVERED', delivered_at = COALESCE(delivered_at, clock_timestamp()), next_attempt_at = NULL
       WHERE id = ${eventId}::uuid
      RETURNING id)
    INSERT INTO webhook_attempts (id, event_id, number, manual, response_status, response_body, error, duration_ms)
    SELECT uuidv7(), id, ${number}, ${manual}, ${answer.status}, ${answer.body}, ${answer.error}, ${answer.durationMs}
      FROM delivered
    RETURNING id::text AS id, event_id::text AS event_id, number, manual, response_status, response_body, error,
              duration_ms, created_at`;
  if (!row) throw new Error(`Webhook event ${eventId} vanished during its delivery`);
  const attempt: WebhookAttempt = {
    id: row.id,
    eventId: row.event_id,
    number: row.number,
    manual: row.manual,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    error: row.error,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
  return { sent: true, attempt, status: 'DELIVERED', nextAttemptAt: null };
}
