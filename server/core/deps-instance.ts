// The wallet's dependencies in the running app.
import { jobQueue } from '../jobs/background-work';
import type { AppDeps } from './deps';
import { appDepsWithJobs } from './deps-with-jobs';

export async function appDeps(): Promise<AppDeps> {
  return appDepsWithJobs(await jobQueue());
}
