// The first attempt made in-process right after the commit (first-webhook-attempt.ts), on real
// PostgreSQL and HTTP: delivered at once with a verifiable signature; past the limit of
// attempts in flight, queued as a job; a failure schedules the next attempt as a job would.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { verifyWalletSignature } from '../../lib/merchant-sdk/verify-wallet-signature';
import type { JobQueue } from '../jobs/job-queue';
import { QUEUES } from '../jobs/job-queue';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { firstWebhookAttempts } from './first-webhook-attempt';
import { recordWebhookEvent } from './record-webhook-event';
import { startWebhookReceiver, type ReceiverAnswer, type WebhookReceiver } from './testing/webhook-receiver';

const db = testDb;
const receivers: WebhookReceiver[] = [];

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

function recordingQueue(): JobQueue & { sent: { queue: string; data: object; startAfterSeconds?: number }[] } {
  const sent: { queue: string; data: object; startAfterSeconds?: number }[] = [];
  return {
    sent,
    async enqueue(_tx, queue, data, options) {
      sent.push({ queue, data, startAfterSeconds: options?.startAfterSeconds });
    },
  };
}

async function merchantWithReceiver(answer: (n: number) => ReceiverAnswer) {
  const receiver = await startWebhookReceiver(answer);
  receivers.push(receiver);
  const user = await createTestUser(db(), '商户');
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  const merchant = await db().merchant.create({
    data: {
      userId: user.id,
      shopName: '测试商店',
      status: 'APPROVED',
      webhookSecret: secret,
      webhookUrl: receiver.url,
    },
  });
  return { merchantId: merchant.id, secret, receiver };
}

/** An event committed without its job, as the balance payment leaves it. */
async function committedEvent(merchantId: string): Promise<string> {
  const none: JobQueue = { enqueue: async () => undefined };
  const recorded = await db().$transaction((tx) =>
    recordWebhookEvent(tx, none, { merchantId, type: 'payout.succeeded', data: { object: { id: 'p1' } } }),
  );
  return recorded!.id;
}

const eventWithAttempts = (id: string) =>
  db().webhookEvent.findUniqueOrThrow({ where: { id }, include: { attempts: { orderBy: { number: 'asc' } } } });

describe('the first attempt in-process', () => {
  it('delivers at once, signed, and marks the event DELIVERED without a job', async () => {
    const { merchantId, secret, receiver } = await merchantWithReceiver(() => ({ status: 200 }));
    const jobs = recordingQueue();
    const attempts = firstWebhookAttempts({ db: db(), jobs, allowPrivateAddresses: true });
    const id = await committedEvent(merchantId);

    await attempts.start(id);
    await attempts.idle();

    const row = await eventWithAttempts(id);
    expect(row.status).toBe('DELIVERED');
    expect(row.attempts.map((a) => [a.number, a.responseStatus, a.manual])).toEqual([[1, 200, false]]);
    expect(jobs.sent).toEqual([]);
    const request = receiver.requests[0]!;
    expect(verifyWalletSignature(request.body, request.headers['wallet-signature'] as string, secret)).toBe(true);
  });

  it('queues what is over the limit in flight, and every event is delivered once', async () => {
    const { merchantId, receiver } = await merchantWithReceiver(() => ({ status: 200, delayMs: 300 }));
    const jobs = recordingQueue();
    const attempts = firstWebhookAttempts({ db: db(), jobs, allowPrivateAddresses: true }, 2);
    const ids = [await committedEvent(merchantId), await committedEvent(merchantId), await committedEvent(merchantId)];

    for (const id of ids) await attempts.start(id);
    expect(attempts.inFlight()).toBe(2);
    expect(jobs.sent).toEqual([
      { queue: QUEUES.deliverWebhook, data: { eventId: ids[2] }, startAfterSeconds: undefined },
    ]);
    await attempts.idle();
    expect(attempts.inFlight()).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect((await eventWithAttempts(ids[2]!)).status).toBe('PENDING');
  });

  it('after a failure, schedules the next attempt on the retry schedule', async () => {
    const { merchantId } = await merchantWithReceiver(() => ({ status: 500 }));
    const jobs = recordingQueue();
    const attempts = firstWebhookAttempts({ db: db(), jobs, allowPrivateAddresses: true, scheduleSeconds: [0, 240] });
    const id = await committedEvent(merchantId);

    await attempts.start(id);
    await attempts.idle();

    const row = await eventWithAttempts(id);
    expect(row.status).toBe('PENDING');
    expect(row.attempts.map((a) => a.responseStatus)).toEqual([500]);
    expect(jobs.sent).toEqual([{ queue: QUEUES.deliverWebhook, data: { eventId: id }, startAfterSeconds: 240 }]);
  });
});
