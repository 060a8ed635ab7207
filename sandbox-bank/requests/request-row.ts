// A row of sandbox_bank.requests as node-postgres returns it (BIGINT as bigint, see db/pool.ts).

export type RequestKind = 'DEBIT' | 'PAYOUT';
export type RequestStatus = 'AWAITING_AUTHORISATION' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
export const FAILURE_REASONS = [
  'DECLINED',
  'INSUFFICIENT_FUNDS',
  'CANCELLED',
  'EXPIRED',
  'ACCOUNT_NOT_FOUND',
  'NAME_MISMATCH',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type Outcome = { status: 'SUCCEEDED' } | { status: 'FAILED'; failureReason: FailureReason };

export type RequestRow = {
  id: string;
  reference: string;
  bank_reference: string;
  kind: RequestKind;
  status: RequestStatus;
  failure_reason: FailureReason | null;
  account_number: string;
  holder_name: string | null;
  amount: bigint;
  currency: string;
  payee: string | null;
  description: string;
  return_url: string | null;
  notify_url: string;
  body_hash: string;
  response_status: number | null;
  response: unknown;
  code_hash: string | null;
  code_sent_at: Date | null;
  code_expires_at: Date | null;
  failed_attempts: number;
  expires_at: Date | null;
  process_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
};

/** How long a customer has to authorise a debit (API.md). */
export const DEBIT_AUTHORISATION_WINDOW_MINUTES = 30;
export { MAX_CODE_ATTEMPTS } from '../phone/one-time-code';

/** An amount the API may write as a JSON number: always exact (amounts are ≤ 10^15). */
export function toJsonNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`amount ${value} does not fit a JSON number exactly`);
  }
  return Number(value);
}
