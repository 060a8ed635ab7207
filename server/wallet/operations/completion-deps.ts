// What finishing a bank operation needs: its own file so that the per-kind settlements
// (orders, payouts) can name it without importing the dispatcher that calls them.
import type { WalletDeps } from '../wallet-deps';

export type CompletionDeps = Pick<WalletDeps, 'db' | 'jobs' | 'appUrl'>;
