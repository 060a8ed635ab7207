// What reconciliation talks to: the wallet's database and the bank (only through the gateway).
import 'server-only';
import type { AppDeps } from '../core/deps';

export type ReconciliationDeps = Pick<AppDeps, 'db' | 'bank'>;
