// The JSON the bank POSTs to the wallet's notify_url when a request reaches its outcome.
import type { FailureReason, RequestKind, RequestRow } from '../requests/request-row';
import { toJsonNumber } from '../requests/request-row';

export type NoticeType = 'debit.succeeded' | 'debit.failed' | 'payout.succeeded' | 'payout.failed';

export type NoticeBody = {
  id: string;
  type: NoticeType;
  reference: string;
  bank_reference: string;
  amount: number;
  currency: string;
  status: 'SUCCEEDED' | 'FAILED';
  failure_reason: FailureReason | null;
  occurred_at: string;
};

export function noticeType(kind: RequestKind, status: 'SUCCEEDED' | 'FAILED'): NoticeType {
  return `${kind === 'DEBIT' ? 'debit' : 'payout'}.${status === 'SUCCEEDED' ? 'succeeded' : 'failed'}`;
}

/** The notice of a finished request (its status must be SUCCEEDED or FAILED). */
export function buildNoticeBody(id: string, request: RequestRow): NoticeBody {
  if (request.status !== 'SUCCEEDED' && request.status !== 'FAILED') {
    throw new Error(`request ${request.reference} has no outcome yet (${request.status})`);
  }
  return {
    id,
    type: noticeType(request.kind, request.status),
    reference: request.reference,
    bank_reference: request.bank_reference,
    amount: toJsonNumber(request.amount),
    currency: request.currency,
    status: request.status,
    failure_reason: request.failure_reason,
    occurred_at: (request.completed_at ?? new Date()).toISOString(),
  };
}
