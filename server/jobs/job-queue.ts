// The Postgres-backed job queue (pg-boss; docs/architecture.md, "Background work"): background work is enqueued in the same
// database transaction as the change that causes it (transactional outbox), so a committed
// operation always has its follow-up job and a rolled-back one never does.
import 'server-only';
import PgBoss from 'pg-boss';
import type { Tx } from '../db';

export const QUEUES = {
  /** Ask the bank how a pending top-up or withdrawal ended, until it has. */
  settleOperation: 'wallet-settle-operation',
  /** Every minute: make sure every pending operation has a settle job (a safety net). */
  sweepPendingOperations: 'wallet-sweep-pending-operations',
  /** Every minute: void holds whose expiry passed on the database clock. */
  expireHolds: 'ledger-expire-holds',
  /** One delivery attempt of a merchant notification (webhook); the next is enqueued after a failure. */
  deliverWebhook: 'merchant-deliver-webhook',
  /** Every minute: re-enqueue pending notifications whose attempt is over a minute late (a safety net). */
  sweepWebhooks: 'merchant-sweep-webhooks',
  /** Every minute: expire PENDING orders whose time passed on the database clock. */
  expireOrders: 'orders-expire',
  /** Hourly: delete the merchant API's stored answers older than 24 hours. */
  purgeIdempotencyKeys: 'merchant-api-purge-idempotency-keys',
  /** Hourly: delete sign-up and password-reset links older than two days. */
  purgeAccountLinks: 'auth-purge-account-links',
  /** Daily (00:30 Shanghai): reconcile the previous Shanghai day of the reserve against the bank. */
  reconcileReserve: 'reconciliation-daily',
  /** After the daily reconciliation: build and publish the day's proof of liabilities (data: { date }). */
  buildLiabilityProof: 'liability-proof-daily',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type EnqueueOptions = { startAfterSeconds?: number; singletonKey?: string };

/** What use cases need from the queue: enqueue inside their transaction. */
export interface JobQueue {
  enqueue(tx: Tx, queue: QueueName, data: object, options?: EnqueueOptions): Promise<void>;
}

/** pg-boss running its SQL on a Prisma interactive transaction. */
function onTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((v) => (v === undefined ? null : v)));
      return { rows };
    },
  };
}

export class PgBossJobQueue implements JobQueue {
  constructor(readonly boss: PgBoss) {}

  async enqueue(tx: Tx, queue: QueueName, data: object, options: EnqueueOptions = {}): Promise<void> {
    await this.boss.send(queue, data, {
      db: onTransaction(tx),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
    });
  }
}

/** Starts pg-boss (creating its schema on first use) and the queues the app uses. */
export async function startPgBoss(
  databaseUrl: string,
  options: { supervise: boolean; schedule: boolean },
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    supervise: options.supervise,
    schedule: options.schedule,
    application_name: 'wallet-jobs',
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  return boss;
}
