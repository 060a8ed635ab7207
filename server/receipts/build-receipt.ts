// Builds a receipt from the stored rows of a completed operation. Pure and deterministic: the
// same rows give the same document, byte for byte, so a receipt is built and signed on demand
// (Ed25519 signatures are deterministic too) instead of being stored a second time.
import {
  RECEIPT_VERSION,
  type ReceiptDocument,
  type ReceiptHolderKind,
  type ReceiptOperationType,
  type ReceiptParty,
} from '../../lib/receipts/receipt-document';

export type ReceiptSource = {
  operationId: string;
  type: ReceiptOperationType;
  currency: string;
  amount: bigint;
  fee: bigint;
  /** Signed from the holder's side: + money in, − money out, fee included. */
  net: bigint;
  holder: ReceiptParty & { kind: ReceiptHolderKind };
  counterparty: ReceiptParty | null;
  order: { merchantOrderNo: string; subject: string } | null;
  memo: string | null;
  createdAt: Date;
  completedAt: Date;
  ledgerEntryId: string;
  bankReference: string | null;
  balanceAfter: bigint | null;
};

// Two digits per view, so a transfer's sender and receiver, or a payment's payer and shop,
// hold receipts with different numbers.
const TYPE_CODES: Record<ReceiptHolderKind, Partial<Record<ReceiptOperationType, string>>> = {
  CUSTOMER: { PAYMENT: '01', REFUND: '02', TRANSFER_OUT: '03', TRANSFER_IN: '04', TOP_UP: '05', WITHDRAWAL: '06' },
  MERCHANT: { PAYMENT: '11', REFUND: '12', PAYOUT: '17' },
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** "20261207" + type code + the operation id's 32 hex digits: unique, and the same every time. */
export function receiptNumber(
  holder: ReceiptHolderKind,
  type: ReceiptOperationType,
  operationId: string,
  completedAt: Date,
): string {
  const code = TYPE_CODES[holder][type];
  if (!code) throw new TypeError(`No receipt for a ${holder} view of ${type}`);
  const day = new Date(completedAt.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}${code}${operationId.replaceAll('-', '').toUpperCase()}`;
}

export function buildReceipt(source: ReceiptSource): ReceiptDocument {
  return {
    version: RECEIPT_VERSION,
    receiptNo: receiptNumber(source.holder.kind, source.type, source.operationId, source.completedAt),
    operationId: source.operationId,
    type: source.type,
    status: 'SUCCEEDED',
    currency: source.currency,
    amount: source.amount.toString(),
    fee: source.fee.toString(),
    net: (source.net < 0n ? -source.net : source.net).toString(),
    direction: source.net < 0n ? 'DEBIT' : 'CREDIT',
    holder: { kind: source.holder.kind, name: source.holder.name, account: source.holder.account },
    counterparty: source.counterparty && { name: source.counterparty.name, account: source.counterparty.account },
    order: source.order && { merchantOrderNo: source.order.merchantOrderNo, subject: source.order.subject },
    memo: source.memo,
    createdAt: source.createdAt.toISOString(),
    completedAt: source.completedAt.toISOString(),
    ledgerEntryId: source.ledgerEntryId,
    bankReference: source.bankReference,
    balanceAfter: source.balanceAfter === null ? null : source.balanceAfter.toString(),
  };
}
