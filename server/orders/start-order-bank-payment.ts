// Pay an order by online banking (docs/design.md, "The payment flow", steps 2–4): a PENDING PAYMENT operation (with
// its status-query job, in the same transaction), then a debit request at the bank, whose
// page the customer authorises. The bank's notice (or the status query) settles it through
// completeOperation → settleOrderPayment: D reserve, C merchant (amount − fee), C fees.
import type { Currency } from '@/ledger';
import { BankOutcomeUnknownError, BankRequestFailedError } from '../bank/bank-gateway';
import { QUEUES } from '../jobs/job-queue';
import { findBankAccountOrThrow } from '../wallet/bank-accounts/find-bank-account-or-throw';
import { inTransaction } from '../core/in-transaction';
import { completeOperation } from '../wallet/operations/complete-operation';
import { FIRST_STATUS_QUERY_SECONDS } from '../wallet/operations/start-top-up';
import type { AppDeps } from '../core/deps';
import { beginOrderPayment } from './begin-order-payment';

export type StartOrderBankPaymentInput = {
  userId: string;
  orderId: string;
  bankAccountId: string;
  idempotencyKey: string;
};

export type StartOrderBankPaymentResult =
  | { next: 'AUTHORISE'; operationId: string; authorizeUrl: string }
  /** Nothing to authorise (the bank refused, or a replay of a finished payment). */
  | { next: 'SHOW'; operationId: string };

/** Where the bank sends the customer back after its page. */
export function bankPaymentReturnUrl(appUrl: string, orderId: string, operationId: string): string {
  return `${appUrl}/pay/${orderId}/return?operation=${operationId}`;
}

export async function startOrderBankPayment(
  deps: AppDeps,
  input: StartOrderBankPaymentInput,
): Promise<StartOrderBankPaymentResult> {
  const account = await findBankAccountOrThrow(deps.db, input.userId, input.bankAccountId);
  const { operation, shopName, subject } = await inTransaction(deps.db, async (tx) => {
    const { order, merchant, ...begun } = await beginOrderPayment(tx, {
      ...input,
      method: 'BANK',
      bankAccountId: account.id,
    });
    if (!begun.replayed) {
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          type: 'PAYMENT_STARTED',
          detail: { method: 'BANK', operationId: begun.operation.id },
        },
      });
      await deps.jobs.enqueue(
        tx,
        QUEUES.settleOperation,
        { operationId: begun.operation.id },
        { startAfterSeconds: FIRST_STATUS_QUERY_SECONDS },
      );
    }
    return { operation: begun.operation, shopName: merchant.shopName, subject: order.subject };
  });
  if (operation.status !== 'PENDING') return { next: 'SHOW', operationId: operation.id };

  try {
    const debit = await deps.bank.createDebit({
      reference: operation.id,
      accountNumber: account.accountNumber,
      amount: operation.amount,
      currency: operation.currency as Currency,
      payee: shopName,
      description: subject.slice(0, 100),
      returnUrl: bankPaymentReturnUrl(deps.appUrl, input.orderId, operation.id),
      notifyUrl: `${deps.appUrl}/api/bank/notices`,
    });
    if (!operation.bankReference) {
      await deps.db.walletOperation.updateMany({
        where: { id: operation.id, bankReference: null },
        data: { bankReference: debit.bankReference },
      });
    }
    return { next: 'AUTHORISE', operationId: operation.id, authorizeUrl: debit.authorizeUrl };
  } catch (error) {
    // The customer never reached the bank's page: no money can have moved.
    const reason =
      error instanceof BankOutcomeUnknownError
        ? 'BANK_TIMEOUT'
        : error instanceof BankRequestFailedError
          ? 'BANK_UNAVAILABLE'
          : null;
    if (reason === null) throw error;
    await completeOperation(deps, operation.id, { status: 'FAILED', reason });
    return { next: 'SHOW', operationId: operation.id };
  }
}
