// Matches one day of the bank's reserve statement with the ledger, by the wallet's reference
// (the operation id the bank was given), with hash maps only: O(lines + entries).
//
// Amounts are signed reserve movements: + into the reserve, − out of it (the bank's sign;
// the ledger's reserve postings are negated, since a debit of the asset is money coming in).
//
// For each bank line:
//   no operation with that reference            → MISSING_IN_LEDGER (the wallet never booked it)
//   operation PENDING, money in (top-up, bank pay) → MISSING_IN_LEDGER (e.g. a lost notice)
//   operation PENDING, money out (payout)        → STATUS_MISMATCH (pending here, done at the bank)
//   operation FAILED                             → STATUS_MISMATCH
//   operation SUCCEEDED, other reserve amount    → AMOUNT_MISMATCH
//   otherwise                                    → matched (counted; `otherDay` when booked on another day)
// Ledger entries of the day that moved the reserve and that no line of the day explains are
// MISSING_AT_BANK candidates (the caller asks the bank whether it booked them on another day).
// Write-offs and adjustments are the books' own corrections: never matched against the bank.
import type { BreakCategory } from '@/lib/reconciliation/break-actions';

export type BankLine = {
  bankReference: string;
  reference: string | null;
  amount: bigint;
  bookedAt: Date;
};

export type OperationSide = {
  id: string;
  kind: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  ledgerEntryId: string | null;
  /** Σ of the operation's entry on the bank accounts (reserve, in transit), signed as above; null without an entry. */
  reserveAmount: bigint | null;
  ledgerBookedAt: Date | null;
};

export type LedgerItem = {
  entryId: string;
  /** The journal entry's kind (TOP_UP, WITHDRAWAL, WRITE_OFF…). */
  kind: string;
  operationId: string | null;
  operationKind: string | null;
  operationStatus: string | null;
  amount: bigint;
  bookedAt: Date;
};

export type Break = {
  category: BreakCategory;
  /** What the break is about, stable across runs of the day: ref:<reference>, bank:<bank ref> or entry:<entry id>. */
  itemKey: string;
  reference: string | null;
  bankReference: string | null;
  operationId: string | null;
  operationKind: string | null;
  operationStatus: string | null;
  ledgerEntryId: string | null;
  bankAmount: bigint | null;
  ledgerAmount: bigint | null;
  bankBookedAt: Date | null;
  ledgerBookedAt: Date | null;
};

export type Classification = {
  matched: number;
  /** Matched lines whose ledger entry was booked outside the day (timing, not a break). */
  otherDay: number;
  breaks: Break[];
  /** Ledger entries of the day with no line of the day: MISSING_AT_BANK unless the bank booked them another day. */
  unmatchedLedger: Break[];
};

/** Corrections the reconciliation itself books (write-offs) are not bank movements. */
const BOOK_CORRECTIONS = new Set(['WRITE_OFF', 'ADJUSTMENT']);

export function classifyStatement(input: {
  day: { start: Date; end: Date };
  lines: readonly BankLine[];
  operations: ReadonlyMap<string, OperationSide>;
  ledgerItems: readonly LedgerItem[];
}): Classification {
  const { day, lines, operations, ledgerItems } = input;
  const result: Classification = { matched: 0, otherDay: 0, breaks: [], unmatchedLedger: [] };
  const explained = new Set<string>();

  for (const line of lines) {
    const ref = line.reference;
    const firstForRef = ref !== null && !explained.has(ref);
    const operation = ref !== null && firstForRef ? operations.get(ref) : undefined;
    if (ref !== null) explained.add(ref);
    const bankSide = { bankReference: line.bankReference, bankAmount: line.amount, bankBookedAt: line.bookedAt };

    if (!operation) {
      result.breaks.push({
        ...emptyBreak('MISSING_IN_LEDGER', firstForRef ? `ref:${ref}` : `bank:${line.bankReference}`),
        ...bankSide,
        reference: ref,
      });
      continue;
    }
    const opSide = {
      reference: ref,
      operationId: operation.id,
      operationKind: operation.kind,
      operationStatus: operation.status,
      ledgerEntryId: operation.ledgerEntryId,
      ledgerAmount: operation.reserveAmount,
      ledgerBookedAt: operation.ledgerBookedAt,
    };
    if (operation.status === 'PENDING') {
      result.breaks.push({
        ...emptyBreak(line.amount > 0n ? 'MISSING_IN_LEDGER' : 'STATUS_MISMATCH', `ref:${ref}`),
        ...bankSide,
        ...opSide,
      });
    } else if (operation.status === 'FAILED') {
      result.breaks.push({ ...emptyBreak('STATUS_MISMATCH', `ref:${ref}`), ...bankSide, ...opSide });
    } else if (operation.reserveAmount !== line.amount) {
      result.breaks.push({ ...emptyBreak('AMOUNT_MISMATCH', `ref:${ref}`), ...bankSide, ...opSide });
    } else {
      result.matched += 1;
      const at = operation.ledgerBookedAt;
      if (at && (at < day.start || at >= day.end)) result.otherDay += 1;
    }
  }

  for (const item of ledgerItems) {
    if (BOOK_CORRECTIONS.has(item.kind)) continue;
    if (item.operationId !== null && explained.has(item.operationId)) continue;
    result.unmatchedLedger.push({
      ...emptyBreak('MISSING_AT_BANK', item.operationId ? `ref:${item.operationId}` : `entry:${item.entryId}`),
      reference: item.operationId,
      operationId: item.operationId,
      operationKind: item.operationKind,
      operationStatus: item.operationStatus,
      ledgerEntryId: item.entryId,
      ledgerAmount: item.amount,
      ledgerBookedAt: item.bookedAt,
    });
  }
  return result;
}

function emptyBreak(category: BreakCategory, itemKey: string): Break {
  return {
    category,
    itemKey,
    reference: null,
    bankReference: null,
    operationId: null,
    operationKind: null,
    operationStatus: null,
    ledgerEntryId: null,
    bankAmount: null,
    ledgerAmount: null,
    bankBookedAt: null,
    ledgerBookedAt: null,
  };
}
