// Merchant notifications end to end on real PostgreSQL, pg-boss and HTTP: the outbox row and
// its job commit with the caller, the worker delivers on the schedule until a 2xx (each
// request verifiable by the merchants' helper), gives up after the 8th failure, and a manual
// resend works whatever the status, never sharing an attempt number with a scheduled one.
import { randomBytes, randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { PgBossJobQueue, QUEUES, startPgBoss, type JobQueue } from '../jobs/job-queue';
import { verifyWalletSignature } from '../../lib/merchant-sdk/verify-wallet-signature';
import { rotateMerchantWebhookSecret } from '../merchants/update-merchant-webhook';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { NotFoundError } from '../core/domain-errors';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';
import { listMerchantWebhookEvents, listOrderWebhookEvents } from './list-webhook-events';
import { recordWebhookEvent, type RecordWebhookEventInput } from './record-webhook-event';
import { resendWebhookEvent } from './resend-webhook-event';
import { sweepOverdueWebhooks } from './sweep-overdue-webhooks';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import { startWebhookWorkers } from './webhook-workers';

const db = testDb;
/** The real schedule's shape (8 attempts) at one second apart, so the test takes seconds. */
const FAST_SCHEDULE = [0, 1, 1, 1, 1, 1, 1, 1];

let boss: PgBoss;
let jobs: PgBossJobQueue;
let deps: WebhookDeliveryDeps;
const receivers: WebhookReceiver[] = [];

async function createMerchant(webhookUrl: string | null = null) {
  const user = await createTestUser(db(), '商户');
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  const merchant = await db().merchant.create({
    data: { userId: user.id, shopName: '测试商店', status: 'APPROVED', webhookSecret: secret, webhookUrl },
  });
  return { id: merchant.id, secret };
}

async function receiver(answer: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(answer);
  receivers.push(r);
  return r;
}

async function record(queue: JobQueue, input: RecordWebhookEventInput) {
  return db().$transaction((tx) => recordWebhookEvent(tx, queue, input));
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const event = (id: string) =>
  db().webhookEvent.findUniqueOrThrow({ where: { id }, include: { attempts: { orderBy: { number: 'asc' } } } });

/** A queue that records what would be enqueued: for tests that drive attempts by hand. */
function recordingQueue(): JobQueue & { sent: { queue: string; data: object; startAfterSeconds?: number }[] } {
  const sent: { queue: string; data: object; startAfterSeconds?: number }[] = [];
  return {
    sent,
    async enqueue(_tx, queue, data, options) {
      sent.push({ queue, data, startAfterSeconds: options?.startAfterSeconds });
    },
  };
}

beforeAll(async () => {
  boss = await startPgBoss(testDatabaseUrl(), { supervise: false, schedule: false });
  jobs = new PgBossJobQueue(boss);
  deps = { db: db(), jobs, scheduleSeconds: FAST_SCHEDULE, timeoutMs: 2_000 };
  await startWebhookWorkers(boss, deps, { pollingIntervalSeconds: 0.5, sweep: false });
});

afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
  await Promise.all(receivers.map((r) => r.close()));
});

describe('recordWebhookEvent', () => {
  it('stores the exact body to send and a delivery job, both with the caller’s transaction', async () => {
    const merchant = await createMerchant('https://shop.example/webhooks');
    const queue = recordingQueue();
    const recorded = await record(queue, {
      merchantId: merchant.id,
      type: 'payout.succeeded',
      data: { object: { id: 'p1', object: 'payout', amount: 123456789012345n, fee: 200n } },
    });
    const row = await event(recorded!.id);
    expect(row).toMatchObject({
      url: 'https://shop.example/webhooks',
      status: 'PENDING',
      attemptCount: 0,
      type: 'payout.succeeded',
    });
    expect(row.payload).toEqual({
      id: recorded!.id,
      type: 'payout.succeeded',
      created_at: row.createdAt.toISOString(),
      data: { object: { id: 'p1', object: 'payout', amount: 123456789012345, fee: 200 } },
    });
    expect(row.nextAttemptAt?.getTime()).toBe(row.createdAt.getTime());
    expect(queue.sent).toEqual([
      { queue: QUEUES.deliverWebhook, data: { eventId: recorded!.id }, startAfterSeconds: undefined },
    ]);
  });

  it('sends order events to the order’s notify_url before the merchant’s URL, and records nothing without a URL', async () => {
    const withUrl = await createMerchant('https://shop.example/webhooks');
    const withoutUrl = await createMerchant(null);
    const queue = recordingQueue();
    const toOrder = await record(queue, {
      merchantId: withUrl.id,
      type: 'order.paid',
      url: 'http://shop.example/notify',
      data: {},
    });
    expect((await event(toOrder!.id)).url).toBe('http://shop.example/notify');
    const toMerchant = await record(queue, { merchantId: withUrl.id, type: 'order.paid', url: null, data: {} });
    expect((await event(toMerchant!.id)).url).toBe('https://shop.example/webhooks');
    expect(await record(queue, { merchantId: withoutUrl.id, type: 'order.paid', url: '  ', data: {} })).toBeNull();
    expect(await record(queue, { merchantId: withoutUrl.id, type: 'payout.failed', data: {} })).toBeNull();
    expect(queue.sent).toHaveLength(2);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://shop.example/notify',
    'gopher://127.0.0.1:6379/_INFO',
    'javascript:alert(1)',
    'not a url',
  ])('refuses to record an event for %s (no row, no job)', async (url) => {
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    expect(await record(queue, { merchantId: merchant.id, type: 'order.paid', url, data: {} })).toBeNull();
    expect(await db().webhookEvent.count({ where: { merchantId: merchant.id } })).toBe(0);
    expect(queue.sent).toHaveLength(0);
  });

  it('(e) inside a rolled-back transaction leaves no event and no job', async () => {
    const merchant = await createMerchant('https://shop.example/webhooks');
    let eventId: string | undefined;
    await expect(
      db().$transaction(async (tx) => {
        eventId = (await recordWebhookEvent(tx, jobs, { merchantId: merchant.id, type: 'order.closed', data: {} }))!.id;
        throw new Error('the order change failed');
      }),
    ).rejects.toThrow('the order change failed');
    expect(eventId).toBeDefined();
    expect(await db().webhookEvent.count({ where: { merchantId: merchant.id } })).toBe(0);
    const queued = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.deliverWebhook} AND data->>'eventId' = ${eventId}`;
    expect(Number(queued[0]!.n)).toBe(0);
  });
});

describe('delivery by the worker', () => {
  it('(a) a receiver answering 500 three times then 200 gets the event exactly once more; 4 attempts logged', async () => {
    const r = await receiver((n) => (n <= 3 ? { status: 500, body: `down ${n}` } : { status: 200, body: 'ok' }));
    const merchant = await createMerchant(null);
    const recorded = await record(jobs, {
      merchantId: merchant.id,
      type: 'order.paid',
      url: r.url,
      data: { object: { amount: 8888, subject: '咖啡豆 ×2' } },
    });
    const delivered = await until(
      'delivery',
      () => event(recorded!.id),
      (e) => e.status === 'DELIVERED',
    );
    // Nothing more arrives after the 2xx (a late duplicate job would show here).
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    expect(r.requests).toHaveLength(4);
    const bodies = new Set(r.requests.map((q) => q.body));
    expect(bodies.size).toBe(1);
    const body = r.requests[0]!.body;
    expect(JSON.parse(body)).toEqual(delivered.payload);
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['id', 'type', 'created_at', 'data']);
    for (const q of r.requests) {
      expect(q.method).toBe('POST');
      expect(q.headers['content-type']).toBe('application/json');
      expect(q.headers['wallet-event-id']).toBe(recorded!.id);
      expect(verifyWalletSignature(q.body, q.headers['wallet-signature'] as string, merchant.secret)).toBe(true);
      expect(verifyWalletSignature(q.body, q.headers['wallet-signature'] as string, `${merchant.secret}x`)).toBe(false);
    }
    // The schedule is honoured: each retry waits about its delay (1 s here) after the failure.
    for (let i = 1; i < 4; i++) expect(r.requests[i]!.atMs - r.requests[i - 1]!.atMs).toBeGreaterThanOrEqual(900);

    expect(delivered).toMatchObject({ status: 'DELIVERED', attemptCount: 4, nextAttemptAt: null });
    expect(delivered.deliveredAt).not.toBeNull();
    expect(delivered.attempts.map((a) => [a.number, a.manual, a.responseStatus, a.responseBody])).toEqual([
      [1, false, 500, 'down 1'],
      [2, false, 500, 'down 2'],
      [3, false, 500, 'down 3'],
      [4, false, 200, 'ok'],
    ]);
    expect(delivered.attempts.every((a) => a.error === null && a.durationMs >= 0)).toBe(true);

    // A DELIVERED event is not sent again by a scheduled job.
    expect(await deliverWebhook(deps, recorded!.id, { manual: false })).toEqual({ sent: false, reason: 'NOT_DUE' });
    expect(r.requests).toHaveLength(4);
  });

  it('(b) a receiver that always fails gets 8 attempts, then the event is FAILED; (c) a manual resend then delivers', async () => {
    let up = false;
    const r = await receiver(() => (up ? { status: 204 } : { status: 503, body: 'x'.repeat(5000) }));
    const merchant = await createMerchant(r.url);
    const recorded = await record(jobs, {
      merchantId: merchant.id,
      type: 'payout.failed',
      data: { object: { id: 'p2' } },
    });
    const failed = await until(
      'FAILED',
      () => event(recorded!.id),
      (e) => e.status === 'FAILED',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    expect(r.requests).toHaveLength(8);
    expect(failed).toMatchObject({ attemptCount: 8, nextAttemptAt: null, deliveredAt: null });
    expect(failed.attempts.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(failed.attempts.every((a) => a.responseStatus === 503 && !a.manual)).toBe(true);
    expect(failed.attempts[0]!.responseBody).toBe('x'.repeat(1024)); // the first KB only
    // A FAILED event is not sent by a stray job.
    expect(await deliverWebhook(deps, recorded!.id, { manual: false })).toEqual({ sent: false, reason: 'NOT_DUE' });

    up = true;
    const attempt = await resendWebhookEvent({ db: db() }, { eventId: recorded!.id, merchantId: merchant.id });
    expect(attempt).toMatchObject({ number: 9, manual: true, responseStatus: 204, error: null });
    expect(r.requests).toHaveLength(9);
    expect(r.requests[8]!.body).toBe(r.requests[0]!.body);
    expect(
      verifyWalletSignature(r.requests[8]!.body, r.requests[8]!.headers['wallet-signature'] as string, merchant.secret),
    ).toBe(true);
    const after = await event(recorded!.id);
    expect(after).toMatchObject({ status: 'DELIVERED', attemptCount: 9, nextAttemptAt: null });
  });

  it('logs a network error and a timeout as failed attempts with the reason', async () => {
    const closed = await startWebhookReceiver(() => ({ status: 200 }));
    const deadUrl = closed.url;
    await closed.close();
    const slow = await receiver(() => ({ status: 200, delayMs: 5_000 }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const refused = await record(queue, { merchantId: merchant.id, type: 'order.paid', url: deadUrl, data: {} });
    const timedOut = await record(queue, { merchantId: merchant.id, type: 'order.paid', url: slow.url, data: {} });
    const manualDeps = { db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE, timeoutMs: 500 };

    const a = await deliverWebhook(manualDeps, refused!.id, { manual: false });
    const b = await deliverWebhook(manualDeps, timedOut!.id, { manual: false });
    expect(a.sent && a.attempt).toMatchObject({ number: 1, responseStatus: null, responseBody: null });
    expect(a.sent && a.attempt.error).toMatch(/ECONNREFUSED/);
    expect(b.sent && b.attempt).toMatchObject({ number: 1, responseStatus: null, error: 'No answer within 0.5 s' });
    expect(b.sent && b.attempt.durationMs).toBeGreaterThanOrEqual(450);
    expect(b.sent && b.attempt.durationMs).toBeLessThan(3_000);
    // Each failure schedules the next attempt on the schedule (1 s), in the same transaction.
    expect(queue.sent.slice(2)).toEqual([
      { queue: QUEUES.deliverWebhook, data: { eventId: refused!.id }, startAfterSeconds: 1 },
      { queue: QUEUES.deliverWebhook, data: { eventId: timedOut!.id }, startAfterSeconds: 1 },
    ]);
    expect(a.sent && a.status).toBe('PENDING');
  });

  it('after a secret rotation, notifications verify with the new secret and, for 24 hours, the old one', async () => {
    const r = await receiver(() => ({ status: 500 }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const manualDeps = { db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE, timeoutMs: 2_000 };
    const recorded = await record(queue, { merchantId: merchant.id, type: 'order.paid', url: r.url, data: {} });
    const lastSignature = () => r.requests.at(-1)!.headers['wallet-signature'] as string;

    const newSecret = await rotateMerchantWebhookSecret(db(), merchant.id);
    const rotated = await db().merchant.findUniqueOrThrow({ where: { id: merchant.id } });
    expect(rotated.previousWebhookSecret).toBe(merchant.secret);
    const hoursValid = (rotated.previousWebhookSecretExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(23.9);
    expect(hoursValid).toBeLessThanOrEqual(24);

    await deliverWebhook(manualDeps, recorded!.id, { manual: true });
    const body = r.requests.at(-1)!.body;
    expect(verifyWalletSignature(body, lastSignature(), newSecret)).toBe(true);
    expect(verifyWalletSignature(body, lastSignature(), merchant.secret)).toBe(true);

    // Once the old secret has expired it no longer signs.
    await db()
      .$executeRaw`UPDATE merchants SET previous_webhook_secret_expires_at = now() - interval '1 second' WHERE id = ${merchant.id}::uuid`;
    await deliverWebhook(manualDeps, recorded!.id, { manual: true });
    expect(verifyWalletSignature(r.requests.at(-1)!.body, lastSignature(), newSecret)).toBe(true);
    expect(verifyWalletSignature(r.requests.at(-1)!.body, lastSignature(), merchant.secret)).toBe(false);
    // Half a pair is refused by the database.
    await expect(
      db().$executeRaw`UPDATE merchants SET previous_webhook_secret_expires_at = NULL WHERE id = ${merchant.id}::uuid`,
    ).rejects.toThrow(/merchants_previous_webhook_secret_pair/);
  });

  it('does not follow a redirect: a 3xx is a failed attempt, and the redirect target gets nothing', async () => {
    const target = await receiver(() => ({ status: 200 }));
    const redirecting = await receiver(() => ({ status: 307, headers: { location: target.url } }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const recorded = await record(queue, {
      merchantId: merchant.id,
      type: 'order.paid',
      url: redirecting.url,
      data: {},
    });
    const result = await deliverWebhook({ db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE }, recorded!.id, {
      manual: false,
    });
    expect(result.sent && [result.attempt.responseStatus, result.status]).toEqual([307, 'PENDING']);
    expect(target.requests).toHaveLength(0);
  });

  it('waits the real schedule by default: 4 min after the first failure, then 10 min', async () => {
    const r = await receiver(() => ({ status: 500 }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const recorded = await record(queue, { merchantId: merchant.id, type: 'order.paid', url: r.url, data: {} });
    const realDeps = { db: db(), jobs: queue };
    const first = await deliverWebhook(realDeps, recorded!.id, { manual: false });
    expect(queue.sent.at(-1)!.startAfterSeconds).toBe(240);
    const waitMs = first.sent ? first.nextAttemptAt!.getTime() - first.attempt.createdAt.getTime() : 0;
    expect(waitMs).toBeGreaterThan(239_000);
    expect(waitMs).toBeLessThan(241_000);
    // Not due yet: the job for attempt 2 must not send before its time.
    expect(await deliverWebhook(realDeps, recorded!.id, { manual: false })).toEqual({ sent: false, reason: 'NOT_DUE' });
    await db().$executeRaw`UPDATE webhook_events SET next_attempt_at = now() WHERE id = ${recorded!.id}::uuid`;
    await deliverWebhook(realDeps, recorded!.id, { manual: false });
    expect(queue.sent.at(-1)!.startAfterSeconds).toBe(600);
    expect(r.requests).toHaveLength(2);
  });
});

describe('private addresses (production policy)', () => {
  // The receiver listens on 127.0.0.1; in production (allowPrivateAddresses false) nothing is
  // sent to it, whether the URL names the IP or a name that resolves to it.
  it.each([
    ['the IP itself', (url: string) => url, /^Not sent: 127\.0\.0\.1 is a private or reserved address$/],
    [
      'a name that resolves to it',
      (url: string) => url.replace('127.0.0.1', 'localhost'),
      /localhost is (127\.0\.0\.1|::1), a private or reserved address/,
    ],
  ])(
    'a URL with %s is not called; the attempt says why; allowed, the same event goes through',
    async (_what, toUrl, why) => {
      const r = await receiver(() => ({ status: 200, body: 'ok' }));
      const merchant = await createMerchant(null);
      const queue = recordingQueue();
      const recorded = await record(queue, {
        merchantId: merchant.id,
        type: 'order.paid',
        url: toUrl(r.url),
        data: {},
      });
      const refused = await deliverWebhook(
        { db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE, allowPrivateAddresses: false },
        recorded!.id,
        {
          manual: true,
        },
      );
      expect(refused.sent && refused.attempt.error).toMatch(why);
      expect(refused.sent && refused.attempt.responseStatus).toBeNull();
      expect(r.requests).toHaveLength(0);
      const allowed = await deliverWebhook(
        { db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE, allowPrivateAddresses: true },
        recorded!.id,
        {
          manual: true,
        },
      );
      expect(allowed.sent && allowed.status).toBe('DELIVERED');
      expect(r.requests).toHaveLength(1);
    },
  );
});

describe('concurrency', () => {
  it('(d) concurrent manual resends and scheduled jobs never share an attempt number; duplicates of a job send once', async () => {
    const r = await receiver(() => ({ status: 500, delayMs: 300 }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await record(queue, { merchantId: merchant.id, type: 'order.paid', url: r.url, data: { i } }))!.id);
    // A minute to the next attempt: a duplicate job that runs after the first attempt finished
    // must also find the event not due.
    const localDeps = { db: db(), jobs: queue, scheduleSeconds: [0, 60, 60, 60, 60, 60, 60, 60], timeoutMs: 2_000 };

    await Promise.all(
      ids.flatMap((id) => [
        deliverWebhook(localDeps, id, { manual: false }),
        deliverWebhook(localDeps, id, { manual: false }), // a duplicate job (or pg-boss retry)
        resendWebhookEvent({ db: db() }, { eventId: id, merchantId: merchant.id }),
        deliverWebhook(localDeps, id, { manual: false }),
        resendWebhookEvent({ db: db() }, { eventId: id, merchantId: null }), // an admin's
      ]),
    );

    for (const id of ids) {
      const e = await event(id);
      const numbers = e.attempts.map((a) => a.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers).toEqual([1, 2, 3]); // one scheduled + two manual, numbered without gaps
      expect(e.attempts.filter((a) => !a.manual)).toHaveLength(1);
      expect(e.attemptCount).toBe(3);
      expect(e.status).toBe('PENDING');
    }
    expect(r.requests).toHaveLength(30);
    // One next attempt scheduled per event, not one per duplicate job.
    expect(queue.sent.filter((s) => s.startAfterSeconds === 60)).toHaveLength(10);
    expect(queue.sent).toHaveLength(20);
  });

  it('a scheduled failure beside a successful manual resend leaves the event DELIVERED', async () => {
    const r = await receiver((n) => (n === 1 ? { status: 500, delayMs: 1_500 } : { status: 200 }));
    const merchant = await createMerchant(null);
    const queue = recordingQueue();
    const recorded = await record(queue, { merchantId: merchant.id, type: 'order.paid', url: r.url, data: {} });
    const scheduled = deliverWebhook({ db: db(), jobs: queue, scheduleSeconds: FAST_SCHEDULE }, recorded!.id, {
      manual: false,
    });
    await until(
      'the first request',
      async () => r.requests.length,
      (n) => n === 1,
      5_000,
    );
    await resendWebhookEvent({ db: db() }, { eventId: recorded!.id, merchantId: merchant.id });
    await scheduled;
    const e = await event(recorded!.id);
    expect(e.status).toBe('DELIVERED');
    expect(e.attempts.map((a) => [a.number, a.manual, a.responseStatus]).sort()).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    expect(queue.sent).toHaveLength(1); // only the first job: no retry after the event was delivered
  });
});

describe('resend authorisation, lists and the sweep', () => {
  it('another merchant’s event, an unknown id and a malformed id are NOT_FOUND; an admin may resend any', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const owner = await createMerchant(null);
    const other = await createMerchant(null);
    const recorded = await record(recordingQueue(), { merchantId: owner.id, type: 'order.paid', url: r.url, data: {} });
    await expect(
      resendWebhookEvent({ db: db() }, { eventId: recorded!.id, merchantId: other.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      resendWebhookEvent({ db: db() }, { eventId: randomUUID(), merchantId: owner.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendWebhookEvent({ db: db() }, { eventId: 'nope', merchantId: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(r.requests).toHaveLength(0);
    expect(await resendWebhookEvent({ db: db() }, { eventId: recorded!.id, merchantId: null })).toMatchObject({
      number: 1,
      manual: true,
      responseStatus: 200,
    });
  });

  it('lists an order’s events with attempts, and a merchant’s events page by page, for its merchant only', async () => {
    const merchant = await createMerchant('https://shop.example/webhooks');
    const other = await createMerchant('https://other.example/webhooks');
    const order = await db().order.create({
      data: {
        merchantId: merchant.id,
        merchantOrderNo: `T-${randomUUID()}`,
        amount: 100n,
        currency: 'CNY',
        subject: 's',
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const queue = recordingQueue();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await record(queue, {
          merchantId: merchant.id,
          type: i % 2 ? 'order.refunded' : 'order.paid',
          orderId: i < 2 ? order.id : null,
          data: { i },
        }))!.id,
      );
    }
    await record(queue, { merchantId: other.id, type: 'order.paid', data: {} });

    const ofOrder = await listOrderWebhookEvents(db(), { orderId: order.id, merchantId: merchant.id });
    expect(ofOrder.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(ofOrder[0]!.attempts).toEqual([]);
    expect(await listOrderWebhookEvents(db(), { orderId: order.id, merchantId: other.id })).toEqual([]);
    expect(await listOrderWebhookEvents(db(), { orderId: 'not-an-id', merchantId: null })).toEqual([]);

    const page1 = await listMerchantWebhookEvents(db(), { merchantId: merchant.id, limit: 2 });
    const page2 = await listMerchantWebhookEvents(db(), {
      merchantId: merchant.id,
      limit: 2,
      startingAfter: page1.nextCursor,
    });
    const page3 = await listMerchantWebhookEvents(db(), {
      merchantId: merchant.id,
      limit: 2,
      startingAfter: page2.nextCursor,
    });
    expect([...page1.events, ...page2.events, ...page3.events].map((e) => e.id)).toEqual([...ids].reverse());
    expect([page1.hasMore, page2.hasMore, page3.hasMore]).toEqual([true, true, false]);
    expect(page3.nextCursor).toBeNull();
    // Another merchant's id as cursor restarts the list rather than paging through theirs.
    const [otherEvent] = (await listMerchantWebhookEvents(db(), { merchantId: other.id })).events;
    expect(
      (
        await listMerchantWebhookEvents(db(), { merchantId: merchant.id, limit: 2, startingAfter: otherEvent!.id })
      ).events.map((e) => e.id),
    ).toEqual(page1.events.map((e) => e.id));
    expect((await listMerchantWebhookEvents(db(), { merchantId: merchant.id, limit: 1_000_000 })).events).toHaveLength(
      5,
    );
    expect(
      (
        await listMerchantWebhookEvents(db(), {
          merchantId: merchant.id,
          limit: 2,
          startingAfter: '------------------------------------',
        })
      ).events,
    ).toEqual(page1.events);
    expect(
      (await listMerchantWebhookEvents(db(), { merchantId: null, status: 'PENDING', limit: 100 })).events.some(
        (e) => e.merchantId === other.id,
      ),
    ).toBe(true);
  });

  it('the sweep re-enqueues a PENDING event over a minute late, once per slot, and nothing else', async () => {
    const merchant = await createMerchant('https://shop.example/webhooks');
    const queue = recordingQueue();
    const late = (await record(queue, { merchantId: merchant.id, type: 'order.paid', data: {} }))!.id;
    const onTime = (await record(queue, { merchantId: merchant.id, type: 'order.paid', data: {} }))!.id;
    await db()
      .$executeRaw`UPDATE webhook_events SET next_attempt_at = now() - interval '2 minutes' WHERE id = ${late}::uuid`;
    await db()
      .$executeRaw`UPDATE webhook_events SET next_attempt_at = now() - interval '10 seconds' WHERE id = ${onTime}::uuid`;
    // (The worker may take the job at once; the job row stays in pgboss.job either way.)
    await sweepOverdueWebhooks(db(), boss);
    await sweepOverdueWebhooks(db(), boss);
    const queued = await db().$queryRaw<{ event_id: string }[]>`
      SELECT data->>'eventId' AS event_id FROM pgboss.job WHERE name = ${QUEUES.deliverWebhook} AND data->>'eventId' IN (${late}, ${onTime})`;
    expect(queued.map((q) => q.event_id)).toEqual([late]);
  });
});
