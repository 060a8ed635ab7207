// The requester cancels an open request: one conditional UPDATE, so a cancel and a payment
// racing each other end with exactly one of them.
import 'server-only';
import type { Db } from '../../db';
import { NotFoundError } from '../../core/domain-errors';
import { PaymentRequestNotCancellableError } from '../receive-errors';
import { findPaymentRequestByIdForOwner } from './find-payment-request-state';

export async function cancelPaymentRequest(db: Db, userId: string, requestId: string): Promise<void> {
  const cancelled = await db.$executeRaw`
    UPDATE payment_requests SET status = 'CANCELLED', cancelled_at = now()
     WHERE id = ${requestId}::uuid AND requester_id = ${userId}::uuid
       AND status = 'OPEN' AND expires_at > now()`;
  if (cancelled === 1) return;
  const state = await findPaymentRequestByIdForOwner(db, userId, requestId);
  if (state === null) throw new NotFoundError('Payment request', { field: 'requestId' });
  throw new PaymentRequestNotCancellableError(state === 'OPEN' ? 'CANCELLED' : state);
}
