// Top-up, step 1: a PENDING operation (and its status-query job, in the same transaction),
// then a debit request at the bank, which answers with the page where the customer
// authorises it. The money arrives later with the bank's notice (complete-operation.ts).
import 'server-only';
import { DEFAULT_CURRENCY } from '@/ledger';
import type { WalletOperation } from '../../generated/prisma/client';
import { BankOutcomeUnknownError, BankRequestFailedError } from '../../bank/bank-gateway';
import { QUEUES } from '../../jobs/job-queue';
import { checkoutReturnPath, withCheckoutReturn } from '../../../lib/navigation/checkout-return-path';
import { findBankAccountOrThrow } from '../bank-accounts/find-bank-account-or-throw';
import { inTransaction } from '../../core/in-transaction';
import type { AppDeps } from '../../core/deps';
import { beginOperation } from './begin-operation';
import { completeOperation } from './complete-operation';

export type StartTopUpInput = {
  userId: string;
  amount: bigint;
  bankAccountId: string;
  idempotencyKey: string;
  /** A checkout to come back to after the bank's page (see checkout-return-path.ts). */
  returnPath?: string | null;
  /**
   * What the bank's authorisation page shows as payee and purpose, in the customer's language
   * (one language, not both); the bank's own 流水号 is the reference, so no id goes in here.
   */
  bankWording?: { payee: string; description: string };
};

/** The wording when the caller gives none (jobs, tests): the default language's. */
export const DEFAULT_TOP_UP_BANK_WORDING = { payee: '钱包', description: '钱包余额充值' };

export type StartTopUpResult =
  /** Send the customer to the bank's authorisation page. */
  | { next: 'AUTHORISE'; operationId: string; authorizeUrl: string }
  /** Nothing to authorise (the bank refused it, or a replay of a finished one): show the operation. */
  | { next: 'SHOW'; operationId: string };

/** First status query this long after the request: the customer is usually on the bank's page. */
export const FIRST_STATUS_QUERY_SECONDS = 10;

export async function startTopUp(deps: AppDeps, input: StartTopUpInput): Promise<StartTopUpResult> {
  const account = await findBankAccountOrThrow(deps.db, input.userId, input.bankAccountId);
  const { operation } = await inTransaction(deps.db, async (tx) => {
    const begun = await beginOperation(tx, {
      userId: input.userId,
      kind: 'TOP_UP',
      amount: input.amount,
      currency: DEFAULT_CURRENCY,
      idempotencyKey: input.idempotencyKey,
      bankAccountId: account.id,
    });
    if (!begun.replayed) {
      await deps.jobs.enqueue(
        tx,
        QUEUES.settleOperation,
        { operationId: begun.operation.id },
        { startAfterSeconds: FIRST_STATUS_QUERY_SECONDS },
      );
    }
    return begun;
  });
  if (operation.status !== 'PENDING') return { next: 'SHOW', operationId: operation.id };

  try {
    // Idempotent at the bank per reference: a replay gets the same page back.
    const debit = await deps.bank.createDebit({
      reference: operation.id,
      accountNumber: account.accountNumber,
      amount: operation.amount,
      currency: DEFAULT_CURRENCY,
      payee: (input.bankWording ?? DEFAULT_TOP_UP_BANK_WORDING).payee,
      description: (input.bankWording ?? DEFAULT_TOP_UP_BANK_WORDING).description,
      returnUrl: `${deps.appUrl}${withCheckoutReturn('/top-up/return', checkoutReturnPath(input.returnPath))}`,
      notifyUrl: `${deps.appUrl}/api/bank/notices`,
    });
    if (!operation.bankReference) await recordBankReference(deps, operation, debit.bankReference);
    return { next: 'AUTHORISE', operationId: operation.id, authorizeUrl: debit.authorizeUrl };
  } catch (error) {
    // The customer never reached the bank's page, so no money can have moved: fail it now.
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

async function recordBankReference(deps: AppDeps, operation: WalletOperation, bankReference: string): Promise<void> {
  await deps.db.walletOperation.updateMany({
    where: { id: operation.id, bankReference: null },
    data: { bankReference },
  });
}
