// The bank's background worker: every ~500 ms it fails overdue debits (EXPIRED), pays out
// delayed payouts that are due, and delivers due notices. Each step claims its rows with
// FOR UPDATE SKIP LOCKED, so several app instances may run it at once.
import 'server-only';
import type { BankPool } from '../db/pool';
import { sqlStateOf } from '../db/transaction';
import { expireOverdueDebits, processDuePayouts } from '../requests/process-due-requests';
import { deliverDueNotices, type DeliverOptions } from './deliver-notices';

export type NoticeSender = { stop(): Promise<void> };

export type NoticeSenderOptions = DeliverOptions & {
  pool: BankPool;
  intervalMs?: number;
  log?: (line: string) => void;
};

/** One pass of everything the worker does (tests call it to skip the timer). */
export async function runBankWorkerOnce(pool: BankPool, options: DeliverOptions = {}): Promise<void> {
  await expireOverdueDebits(pool);
  await processDuePayouts(pool);
  await deliverDueNotices(pool, options);
}

export function startNoticeSender(options: NoticeSenderOptions): NoticeSender {
  const { pool, intervalMs = 500, log = (l) => console.error(l), ...deliverOptions } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastError = '';

  const tick = async () => {
    try {
      await runBankWorkerOnce(pool, deliverOptions);
      lastError = '';
    } catch (err) {
      // Log a failure once, not every 500 ms (e.g. the bank's tables not migrated yet).
      const message =
        sqlStateOf(err) === '42P01'
          ? 'the sandbox_bank tables are missing: apply its migrations'
          : (err as Error).message;
      if (message !== lastError) log(`[sandbox-bank] worker: ${message}`);
      lastError = message;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
