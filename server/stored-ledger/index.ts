// The stored ledger (docs/design.md, "Chart of accounts"): PostgreSQL through Prisma, invariants
// defended by the database too (prisma/functions/). The pure rules live in ledger/, the
// ledger's core; this folder stores them. Use cases write through applyLedgerOps on their own
// transaction. The group-commit batcher and its optimistic path (batching/) are not exported:
// no product path uses them yet (benchmarks and tests do).
export type { Balance, EntryStatus, HistoryLine, HistoryPage, LedgerOp, LedgerOpResult } from './types';
export {
  applyLedgerOps,
  encodeLedgerOps,
  ledgerFailureOf,
  prepareLedgerOp,
  type LedgerOpSuccess,
  type PreparedLedgerOp,
} from './apply-ledger-ops';
export { runLedgerOp, okOrThrow, type LedgerTarget } from './run-ledger-op';
export { postTransfer, type PostTransferOptions } from './transfer';
export { createHold, postHold, voidHold, type CreateHoldOptions } from './holds';
export {
  ensureAccount,
  ensureAccounts,
  ensurePlatformAccounts,
  findAccount,
  PLATFORM_ACCOUNT_CODES,
  type LedgerAccount,
} from './accounts';
export { getBalance } from './balance';
export {
  getAccountHistory,
  InvalidCursorError,
  HISTORY_MAX_LIMIT,
  HISTORY_DEFAULT_LIMIT,
  type HistoryOptions,
} from './history';
export { expireHolds, type ExpireHoldsOptions } from './expire-holds';
export {
  withRetry,
  classifyFailure,
  isRetryable,
  isRetryableConflict,
  sqlStateOf,
  type FailureKind,
  type RetryOptions,
} from './retry';
export { LEDGER_SQLSTATE, LedgerOutcomeUnknownError, ledgerErrorFromSql } from './ledger-errors';
export { requestHash } from './request-hash';
