// What the store's use cases need: its database and its client of the wallet's API.
import 'server-only';
import { demoStoreConfig } from './config';
import { demoStorePool, type StorePool } from './db/pool';
import { StoreNotConfiguredError } from './errors';
import { createWalletClient, type WalletClient } from './wallet-api/wallet-client';

export type StoreDeps = {
  pool: StorePool;
  wallet: WalletClient;
  /** Origin the wallet sends customers back to and notifications to. */
  storeOrigin: string;
};

export function storeDeps(): StoreDeps {
  const config = demoStoreConfig();
  if (!config.apiKey) throw new StoreNotConfiguredError('DEMO_STORE_API_KEY');
  return {
    pool: demoStorePool(),
    wallet: createWalletClient({ baseUrl: config.walletApiBase, apiKey: config.apiKey }),
    storeOrigin: config.storeOrigin,
  };
}
