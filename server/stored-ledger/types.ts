// The contract of the stored ledger (server/stored-ledger). The pure core in ledger/ builds and
// validates entries; this layer stores them in PostgreSQL and enforces what needs the
// database: balances, holds, idempotency, concurrency.
import type { Currency, EntryKind, JournalEntry, LedgerError } from '@/ledger';

/** One thing the ledger can be asked to do. All four are applied by the same SQL function. */
export type LedgerOp =
  /** Post an entry now. Refused with INSUFFICIENT_FUNDS if an account that may not go negative would. */
  | { type: 'transfer'; entry: JournalEntry; idempotencyScope?: string }
  /** Reserve funds: a PENDING entry; debits count in pending_debits, credits in pending_credits. */
  | { type: 'hold'; entry: JournalEntry; expiresInSeconds?: number; idempotencyScope?: string }
  /** Post a PENDING hold (exactly once; refused if voided, posted or expired on the database clock). */
  | { type: 'postHold'; holdId: string }
  /** Void a PENDING hold (exactly once). */
  | { type: 'voidHold'; holdId: string };

export type EntryStatus = 'POSTED' | 'PENDING' | 'VOIDED';

export type LedgerOpResult =
  | {
      ok: true;
      /** The stored entry (for postHold: the new POSTED entry; for voidHold: the hold). */
      entryId: string;
      status: EntryStatus;
      /** True when an idempotency key matched an earlier identical request: nothing new was written. */
      replayed: boolean;
    }
  | { ok: false; error: LedgerError };

export type Balance = {
  currency: Currency;
  /** Σ of posted postings (+ credit, − debit), as the account's raw credit-normal sum. */
  posted: bigint;
  /** Amounts reserved by PENDING holds (both ≥ 0). */
  pendingDebits: bigint;
  pendingCredits: bigint;
  /** posted − pendingDebits: what may be spent. */
  available: bigint;
};

export type HistoryLine = {
  entryId: string;
  kind: EntryKind;
  amount: bigint;
  balanceAfter: bigint;
  sequence: bigint;
  createdAt: Date;
  metadata: Record<string, string>;
};

export type HistoryPage = { lines: HistoryLine[]; nextCursor: string | null };
