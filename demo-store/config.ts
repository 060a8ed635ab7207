// The demo store's configuration: its own API key and webhook secret (it is a merchant of
// the wallet like any other), where the wallet is, and its database.
import { appUrl, env } from '@/server/env';

export type DemoStoreConfig = {
  apiKey: string | undefined;
  webhookSecret: string | undefined;
  databaseUrl: string | undefined;
  /** Base of the wallet's merchant API. */
  walletApiBase: string;
  /** This app's origin: the store is served by the same Next app as the wallet. */
  storeOrigin: string;
};

export function demoStoreConfig(): DemoStoreConfig {
  const e = env();
  return {
    apiKey: e.DEMO_STORE_API_KEY,
    webhookSecret: e.DEMO_STORE_WEBHOOK_SECRET,
    databaseUrl: e.DATABASE_URL,
    walletApiBase: `${appUrl()}/api/v1`,
    storeOrigin: appUrl(),
  };
}
