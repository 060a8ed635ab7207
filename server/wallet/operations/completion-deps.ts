// What finishing a bank operation needs: its own file so that the per-kind settlements
// (orders, payouts) can name it without importing the dispatcher that calls them.
import type { AppDeps } from '../../core/deps';

export type CompletionDeps = Pick<AppDeps, 'db' | 'jobs' | 'appUrl'>;
