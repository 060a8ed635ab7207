// Started once per server process from instrumentation.ts: the bank's worker (expiry,
// delayed payouts, notice delivery). Migrations and the seed are applied by the scripts
// that start the app (scripts/dev.ts, scripts/e2e-server.ts) before Next starts.
import 'server-only';
import { sandboxBankPool } from './db/pool';
import { sandboxBankEnabled } from './enabled';
import { sandboxBankEnv } from './env';
import { startNoticeSender, type NoticeSender } from './notices/start-notice-sender';

const globalForBank = globalThis as unknown as { sandboxBankWorker?: NoticeSender };

export async function startSandboxBank(): Promise<void> {
  if (globalForBank.sandboxBankWorker) return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!sandboxBankEnabled()) return; // not mounted here: SANDBOX_BANK_URL names the bank
  try {
    if (!sandboxBankEnv().databaseUrl) {
      console.warn('[sandbox-bank] no database configured: the bank worker is not started');
      return;
    }
    globalForBank.sandboxBankWorker = startNoticeSender({ pool: sandboxBankPool() });
  } catch (err) {
    console.error('[sandbox-bank] could not start the bank worker:', (err as Error).message);
  }
}
