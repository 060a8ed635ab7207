// What the use cases talk to. The app builds it from env (deps-instance.ts);
// tests build it on their own database, sandbox bank and job queue.
import 'server-only';
import type { BankGateway } from '../bank/bank-gateway';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/job-queue';

export type AppDeps = {
  db: Db;
  bank: BankGateway;
  jobs: JobQueue;
  /** The wallet's public origin (return and notice URLs given to the bank). */
  appUrl: string;
  /**
   * Starts the first delivery attempt of a merchant notification just committed, in this
   * process (server/webhooks/first-webhook-attempt.ts). Absent: the attempt is queued as a job.
   */
  startWebhookAttempt?: (eventId: string) => Promise<void>;
};
