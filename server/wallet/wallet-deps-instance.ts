// The wallet's dependencies in the running app.
import { bankGateway } from '../bank/bank-gateway-instance';
import { db } from '../db';
import { appUrl } from '../env';
import { jobQueue } from '../jobs/background-work';
import type { WalletDeps } from './wallet-deps';

export async function walletDeps(): Promise<WalletDeps> {
  return { db: db(), bank: bankGateway(), jobs: await jobQueue(), appUrl: appUrl() };
}
