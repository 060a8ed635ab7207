// What order use cases need: the wallet's deps (database, bank, job queue, public origin).
export type { AppDeps as OrderDeps } from '../core/deps';
