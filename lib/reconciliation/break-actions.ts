// Which resolutions fit a break (pure; the page shows exactly these buttons).
//   BOOK_FROM_BANK: the operation is still PENDING in the wallet: ask the bank and apply its
//     answer through the wallet's own completion path (a lost top-up notice is booked; a
//     payout done at the bank is settled, one it refused is failed).
//   WRITE_OFF: nothing in the wallet can be completed any more (no operation, a final one, an
//     amount that differs, an entry the bank never saw): the difference goes to suspense.
export type BreakCategory = 'MISSING_IN_LEDGER' | 'MISSING_AT_BANK' | 'AMOUNT_MISMATCH' | 'STATUS_MISMATCH';

/** The longest note an admin may give a write-off. */
export const WRITE_OFF_NOTE_MAX = 500;

export type ResolutionAction = 'BOOK_FROM_BANK' | 'WRITE_OFF';

export type BreakFacts = {
  category: BreakCategory;
  operationId: string | null;
  operationStatus: string | null;
  bankAmount: bigint | null;
  ledgerAmount: bigint | null;
};

export function actionsForBreak(b: BreakFacts): ResolutionAction[] {
  const pendingOperation = b.operationId !== null && b.operationStatus === 'PENDING';
  if (pendingOperation && (b.category === 'MISSING_IN_LEDGER' || b.category === 'STATUS_MISMATCH'))
    return ['BOOK_FROM_BANK'];
  return writeOffAmount(b) === 0n ? [] : ['WRITE_OFF'];
}

/**
 * What a write-off moves into the reserve (signed like the bank: + in): the bank's amount
 * minus what the ledger booked for the item. Its counterpart is the suspense account.
 */
export function writeOffAmount(b: Pick<BreakFacts, 'bankAmount' | 'ledgerAmount' | 'category'>): bigint {
  if (b.category === 'STATUS_MISMATCH' || b.category === 'MISSING_IN_LEDGER') return b.bankAmount ?? 0n;
  return (b.bankAmount ?? 0n) - (b.ledgerAmount ?? 0n);
}
