// What the wallet needs from a bank. The sandbox bank implements it over HTTP
// (sandbox-bank-gateway.ts); a real bank's adapter would implement the same interface and
// nothing else in the wallet would change. Amounts are bigint minor units.
import type { Currency } from '@/ledger';

/** 快捷支付 binding, step one: what the customer typed, all of which the bank checks. */
export type CardBindingRequest = {
  /** The wallet's reference for this attempt; the bank echoes it back on confirmation. */
  reference: string;
  accountNumber: string;
  holderName: string;
  idNumber: string;
  phone: string;
};

/** The bank texted a code to the holder's phone, or could not verify the details (which one, it does not say). */
export type CardBindingStart =
  | { verified: true; bindingId: string; maskedPhone: string; codeSerial: string; expiresAt: string }
  | { verified: false };

export type CardBindingConfirmation =
  | {
      status: 'CONFIRMED';
      reference: string;
      accountNumber: string;
      holderName: string;
      bankName: string;
      maskedNumber: string;
    }
  | { status: 'WRONG_CODE'; attemptsLeft: number }
  | { status: 'FAILED'; reason: 'CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'ALREADY_USED' | 'NOT_FOUND' };

export type DebitRequest = {
  /** The wallet's reference (the operation id): the bank's idempotency key. */
  reference: string;
  accountNumber: string;
  amount: bigint;
  currency: Currency;
  payee: string;
  description: string;
  returnUrl: string;
  notifyUrl: string;
};

export type PayoutRequest = {
  reference: string;
  accountNumber: string;
  holderName: string;
  amount: bigint;
  currency: Currency;
  description: string;
  notifyUrl: string;
};

export type BankRequestStatus = 'AWAITING_AUTHORISATION' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

export type PayoutAnswer = {
  bankReference: string;
  status: 'SUCCEEDED' | 'FAILED' | 'PROCESSING';
  failureReason: string | null;
};

export type BankRequestState = {
  reference: string;
  bankReference: string;
  kind: 'DEBIT' | 'PAYOUT';
  status: BankRequestStatus;
  amount: bigint;
  currency: string;
  failureReason: string | null;
  completedAt: string | null;
};

export type StatementLine = {
  bankReference: string;
  reference: string | null;
  kind: string;
  /** Signed: + into the reserve, − out of it. */
  amount: bigint;
  balanceAfter: bigint;
  counterparty: string;
  bookedAt: string;
};

export type ReserveStatement = {
  accountNumber: string;
  date: string;
  currency: string;
  openingBalance: bigint;
  closingBalance: bigint;
  lines: StatementLine[];
};

export interface BankGateway {
  /** Asks the bank to text the holder a code for binding this card (快捷支付). */
  startCardBinding(input: CardBindingRequest): Promise<CardBindingStart>;
  /** The code the holder received; confirmed, the bank says whose card it is. */
  confirmCardBinding(input: { bindingId: string; code: string }): Promise<CardBindingConfirmation>;
  /** Asks for a debit the customer authorises on the bank's page; returns where to send them. */
  createDebit(input: DebitRequest): Promise<{ bankReference: string; authorizeUrl: string }>;
  /** Asks the bank to pay out from the reserve. Throws BankOutcomeUnknownError on timeout. */
  createPayout(input: PayoutRequest): Promise<PayoutAnswer>;
  /** The bank's view of a request by our reference; null when the bank never received it. */
  queryRequest(reference: string): Promise<BankRequestState | null>;
  reserveStatement(date: string): Promise<ReserveStatement>;
}

/** The bank did not answer in time or the connection broke after sending: it may or may not have acted. */
export class BankOutcomeUnknownError extends Error {
  readonly code = 'BANK_OUTCOME_UNKNOWN' as const;
}

/** The bank answered that it did nothing (5xx before acting, 4xx refusal, or unreachable). */
export class BankRequestFailedError extends Error {
  readonly code = 'BANK_REQUEST_FAILED' as const;
  constructor(
    message: string,
    readonly status: number | null,
    readonly bankCode: string | null = null,
  ) {
    super(message);
  }
}
