// Paying a payment request: the transfer (book-transfer.ts: PIN, limits, freeze, idempotency,
// both sides' notifications) and the request's OPEN → PAID flip are one transaction. The flip
// is a conditional UPDATE on the database's clock, so two devices paying at once end with one
// transfer: the second waits on the row, finds it PAID, and rolls its own operation back.
import 'server-only';
import { SelfTransferError } from '@/ledger';
import type { AppDeps } from '../../core/deps';
import { NotFoundError } from '../../core/domain-errors';
import { inTransaction } from '../../core/in-transaction';
import { verifyPaymentPin } from '../../pin/verify-payment-pin';
import { bookTransfer } from '../../wallet/operations/book-transfer';
import { LINK_TOKEN } from '../receive-codes';
import { PaymentRequestNotPayableError } from '../receive-errors';
import { findPaymentRequestState } from './find-payment-request-state';
import { findPaymentRequestByToken } from './payment-request-view';

export type PayPaymentRequestInput = { userId: string; token: string; idempotencyKey: string; pin: string };

export async function payPaymentRequest(
  deps: Pick<AppDeps, 'db'>,
  input: PayPaymentRequestInput,
): Promise<{ operationId: string }> {
  const request = LINK_TOKEN.test(input.token) ? await findPaymentRequestByToken(deps.db, input.token) : null;
  if (!request) throw new NotFoundError('Payment request', { field: 'token' });
  if (request.requesterId === input.userId) throw new SelfTransferError({ field: 'token' });
  // An early answer before the PIN is asked for; the UPDATE below is what guarantees it. The
  // payer's own double click (same key) goes on, to be answered with its first operation.
  if (request.state !== 'OPEN' && !(request.state === 'PAID' && request.payerId === input.userId)) {
    throw new PaymentRequestNotPayableError(request.state);
  }
  await verifyPaymentPin(deps.db, input.userId, input.pin);
  const operation = await inTransaction(deps.db, (tx) =>
    bookTransfer(
      tx,
      {
        userId: input.userId,
        recipientUserId: request.requesterId,
        amount: request.amount,
        memo: request.memo,
        idempotencyKey: input.idempotencyKey,
      },
      async (operationId) => {
        const claimed = await tx.$executeRaw`
          UPDATE payment_requests
             SET status = 'PAID', paid_at = now(), payer_id = ${input.userId}::uuid, operation_id = ${operationId}::uuid
           WHERE id = ${request.id}::uuid AND status = 'OPEN' AND expires_at > now()`;
        if (claimed === 1) return;
        const state = await findPaymentRequestState(tx, request.id);
        throw new PaymentRequestNotPayableError(state === 'OPEN' || state === null ? 'EXPIRED' : state);
      },
    ),
  );
  return { operationId: operation.id };
}
