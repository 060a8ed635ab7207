// What order use cases need: the wallet's deps (database, bank, job queue, public origin).
export type { WalletDeps as OrderDeps } from '../wallet/wallet-deps';
