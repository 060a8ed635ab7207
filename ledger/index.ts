// Public API of the double-entry core. Pure: no I/O, no framework imports.
export {
  DomainError,
  InvalidAmountError,
  UnsupportedCurrencyError,
  CurrencyMismatchError,
  UnbalancedEntryError,
  InvalidEntryError,
  InvalidAccountCodeError,
  SelfTransferError,
  InsufficientFundsError,
  HoldNotPendingError,
  IdempotencyConflictError,
  IdempotencyInProgressError,
  AccountNotFoundError,
  InvalidFeeScheduleError,
} from './errors';
export type {
  ErrorDetails,
  DomainErrorOptions,
  InvalidAmountReason,
  InvalidEntryReason,
  LedgerError,
  LedgerErrorCode,
} from './errors';

export {
  CURRENCIES,
  DEFAULT_CURRENCY,
  MAX_AMOUNT,
  isCurrency,
  parseCurrency,
  currencyDigits,
  money,
  addMoney,
  subtractMoney,
  assertSameCurrency,
} from './money';
export type { Currency, Money } from './money';

export { parseAmount, parseMinorUnits, normalizeFullWidthDigits } from './parse-amount';
export type { ParseAmountOptions } from './parse-amount';

export { formatMoney, formatAmountPlain } from './format-money';
export type { MoneyLocale, FormatMoneyOptions } from './format-money';

export {
  RESERVE_ACCOUNT,
  IN_TRANSIT_ACCOUNT,
  FEE_REVENUE_ACCOUNT,
  SUSPENSE_ACCOUNT,
  ACCOUNT_KINDS,
  accountType,
  normalSide,
  mayGoNegative,
  isValidOwnerId,
  userWalletCode,
  merchantBalanceCode,
  parseAccountCode,
} from './chart-of-accounts';
export type { AccountType, AccountKind, NormalSide, ParsedAccountCode } from './chart-of-accounts';

export { balanceFromPostingSum, balanceChange, availableBalance, applyPostingToBalance } from './balance';

export { ENTRY_KINDS, buildJournalEntry, isBuiltJournalEntry } from './journal-entry';
export type { EntryKind, PostingInput, Posting, EntryMetadata, JournalEntryInput, JournalEntry } from './journal-entry';

export {
  topUpPostings,
  payFromBalancePostings,
  onlineBankingPostings,
  withdrawalPostings,
  payoutPostings,
  settleInTransitPostings,
  refundPostings,
  refundToBankPostings,
  transferPostings,
} from './standard-flows';
export type { BankLeg } from './standard-flows';

export {
  WITHDRAWAL_FEE,
  MERCHANT_FEE,
  assertValidFeeSchedule,
  computeFee,
  freeQuotaCovered,
  computeWithdrawalFee,
} from './fees';
export type { FeeSchedule } from './fees';
