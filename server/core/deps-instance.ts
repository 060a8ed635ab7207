// The wallet's dependencies in the running app.
import 'server-only';
import { db } from '../db';
import { jobQueue } from '../jobs/background-work';
import { firstWebhookAttempts } from '../webhooks/first-webhook-attempt';
import { webhookRetrySchedule } from '../webhooks/webhook-retry-schedule';
import type { AppDeps } from './deps';
import { appDepsWithJobs } from './deps-with-jobs';

type Global = { walletFirstWebhookAttempts?: ReturnType<typeof firstWebhookAttempts> };
const globalForWebhooks = globalThis as unknown as Global;

export async function appDeps(): Promise<AppDeps> {
  const jobs = await jobQueue();
  // One per process: its limit on attempts in flight is the process's.
  globalForWebhooks.walletFirstWebhookAttempts ??= firstWebhookAttempts({
    db: db(),
    jobs,
    scheduleSeconds: webhookRetrySchedule(),
  });
  return { ...appDepsWithJobs(jobs), startWebhookAttempt: globalForWebhooks.walletFirstWebhookAttempts.start };
}
