// The wallet's dependencies in the running app.
import { jobQueue } from '../jobs/background-work';
import type { WalletDeps } from './wallet-deps';
import { walletDepsWithJobs } from './wallet-deps-with-jobs';

export async function walletDeps(): Promise<WalletDeps> {
  return walletDepsWithJobs(await jobQueue());
}
