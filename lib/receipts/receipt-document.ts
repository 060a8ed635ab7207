// The e-receipt (电子回单) of one completed operation as its holder sees it: what the platform
// signs (server/receipts/) and what the /verify page and verifier/verify-receipt.mjs show.
// Amounts are minor units as decimal strings, so no JSON reader rounds them.

export const RECEIPT_VERSION = 1;
export const RECEIPT_JWS_TYPE = 'wallet-receipt+jws';

export type ReceiptOperationType =
  'PAYMENT' | 'REFUND' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'TOP_UP' | 'WITHDRAWAL' | 'PAYOUT';

/** Whose view of the operation: a person's wallet, or a merchant's balance. */
export type ReceiptHolderKind = 'CUSTOMER' | 'MERCHANT';

export type ReceiptParty = {
  /** Masked the way the app masks them ("*三"), or a shop's name. */
  name: string;
  /** A bank account as "招商银行(0044)", a masked email, or null. */
  account: string | null;
};

export type ReceiptDocument = {
  version: typeof RECEIPT_VERSION;
  /** Unique per operation and holder; the same on every download. */
  receiptNo: string;
  operationId: string;
  type: ReceiptOperationType;
  status: 'SUCCEEDED';
  currency: string;
  /** The operation's amount. */
  amount: string;
  /** The fee the holder paid for it ("0" when none). */
  fee: string;
  /** What the operation moved for the holder, fee included: credit adds it, debit takes it. */
  net: string;
  direction: 'CREDIT' | 'DEBIT';
  holder: ReceiptParty & { kind: ReceiptHolderKind };
  counterparty: ReceiptParty | null;
  /** PAYMENT / REFUND: the merchant's order number and subject. */
  order: { merchantOrderNo: string; subject: string } | null;
  memo: string | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  completedAt: string;
  ledgerEntryId: string;
  bankReference: string | null;
  /** The holder's balance right after the ledger posting; null when the holder's balance was not posted (a payment straight from the bank). */
  balanceAfter: string | null;
};

/** The downloadable JSON: the signed JWS, and a readable copy of what it signs. */
export type ReceiptFile = { receipt: ReceiptDocument; jws: string };
