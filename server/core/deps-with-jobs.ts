// The wallet's dependencies in the running app around a given job queue. The background
// workers build theirs from the pg-boss they run on; asking for the process's queue
// (deps-instance.ts) from inside that queue's start would import it in a circle.
import 'server-only';
import { bankGateway } from '../bank/bank-gateway-instance';
import { db } from '../db';
import { appUrl } from '../env';
import type { JobQueue } from '../jobs/job-queue';
import type { AppDeps } from './deps';

export function appDepsWithJobs(jobs: JobQueue): AppDeps {
  return { db: db(), bank: bankGateway(), jobs, appUrl: appUrl() };
}
