// The demo store's configuration: its own API key and webhook secret (it is a merchant of
// the wallet like any other), where the wallet is, and its database. Read from the
// environment by the store itself, as an outside merchant would: it shares no code with the
// wallet. `npm run dev` and the e2e runner provision the key and secret
// (scripts/demo-store/provision-demo-store-credentials.ts) and pass them on.
import 'server-only';

export type DemoStoreConfig = {
  apiKey: string | undefined;
  webhookSecret: string | undefined;
  databaseUrl: string | undefined;
  /** Base of the wallet's merchant API. */
  walletApiBase: string;
  /** This app's origin: the store is served by the same Next app as the wallet. */
  storeOrigin: string;
};

const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

export function demoStoreConfig(): DemoStoreConfig {
  const e = process.env;
  const origin = (nonEmpty(e.APP_URL) ?? nonEmpty(e.NEXTAUTH_URL) ?? `http://localhost:${e.PORT ?? 3000}`).replace(
    /\/+$/,
    '',
  );
  return {
    apiKey: nonEmpty(e.DEMO_STORE_API_KEY),
    webhookSecret: nonEmpty(e.DEMO_STORE_WEBHOOK_SECRET),
    databaseUrl: nonEmpty(e.DEMO_STORE_DATABASE_URL) ?? nonEmpty(e.DATABASE_URL),
    walletApiBase: `${nonEmpty(e.DEMO_STORE_WALLET_URL)?.replace(/\/+$/, '') ?? origin}/api/v1`,
    storeOrigin: origin,
  };
}
