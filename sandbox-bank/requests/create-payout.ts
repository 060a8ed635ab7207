// POST /payouts: credit a customer's account from the platform's reserve, at once. Faults:
// ERROR_500 (nothing happens), TIMEOUT (done, answered late), DECLINE / INSUFFICIENT_FUNDS
// (fails at once), DELAY_NOTICE (answered PROCESSING, done by the worker after N s, then
// noticed), LOSE_NOTICE (done at once, answered PROCESSING, no notice), DUPLICATE_NOTICE
// (done at once, answered PROCESSING, noticed twice).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { BankClient, BankPool } from '../db/pool';
import { InvalidFieldError } from '../errors';
import { DEFAULT_NOTICE_DELAY_SECONDS, type Fault, isNoticeFault, PAYOUT_FAULTS } from '../faults/fault-modes';
import { takeFault } from '../faults/faults-store';
import { moveMoney } from '../books/move-money';
import { RESERVE_ACCOUNT_NUMBER } from '../seed-accounts';
import { newBankReference } from './bank-reference';
import { finishRequest, outcomeOfMove } from './finish-request';
import {
  answerIdempotently,
  insertRequestOrThrow,
  requestBodyHash,
  storeAnswer,
  type StoredAnswer,
} from './idempotency';
import type { Outcome, RequestRow } from './request-row';

export type CreatePayoutInput = {
  reference: string;
  accountNumber: string;
  holderName: string;
  amount: bigint;
  currency: 'CNY';
  description: string;
  notifyUrl: string;
};

export type CreatePayoutOptions = { timeoutFaultMs: number };

/** The same name, give or take surrounding spaces and Unicode normalisation. */
function sameName(a: string, b: string): boolean {
  return a.trim().normalize('NFC') === b.trim().normalize('NFC');
}

/** Pays a payout out of the reserve (now, or later for DELAY_NOTICE) and finishes it. */
export async function completePayout(
  client: BankClient,
  request: RequestRow,
  noticeFault: Fault | null,
): Promise<RequestRow> {
  const moved = await moveMoney(client, {
    kind: 'PAYOUT',
    requestId: request.id,
    bankReference: request.bank_reference,
    fromAccount: RESERVE_ACCOUNT_NUMBER,
    toAccount: request.account_number,
    amount: request.amount,
    description: request.description,
  });
  return finishRequest(client, request, outcomeOfMove(moved), noticeFault);
}

async function checkPayee(client: BankClient, input: CreatePayoutInput): Promise<Outcome | null> {
  const { rows } = await client.query<{ status: string; holder_name: string }>(
    `SELECT a.status, c.name AS holder_name FROM sandbox_bank.accounts a
     JOIN sandbox_bank.customers c ON c.id = a.customer_id WHERE a.account_number = $1`,
    [input.accountNumber],
  );
  const account = rows[0];
  if (!account || account.status !== 'OPEN') return { status: 'FAILED', failureReason: 'ACCOUNT_NOT_FOUND' };
  if (!sameName(account.holder_name, input.holderName)) return { status: 'FAILED', failureReason: 'NAME_MISMATCH' };
  return null;
}

export function createPayout(
  pool: BankPool,
  input: CreatePayoutInput,
  options: CreatePayoutOptions,
): Promise<StoredAnswer> {
  if (input.accountNumber === RESERVE_ACCOUNT_NUMBER) {
    return Promise.reject(
      new InvalidFieldError('account_number', 'the reserve account cannot receive a payout from itself'),
    );
  }
  const bodyHash = requestBodyHash('PAYOUT', {
    reference: input.reference,
    account_number: input.accountNumber,
    holder_name: input.holderName,
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    notify_url: input.notifyUrl,
  });
  return answerIdempotently(pool, input.reference, bodyHash, async (client) => {
    const fault = await takeFault(client, input.accountNumber, PAYOUT_FAULTS);
    if (fault?.mode === 'ERROR_500') return 'ERROR_500';

    let request = await insertRequestOrThrow(client, {
      id: randomUUID(),
      reference: input.reference,
      bank_reference: newBankReference(),
      kind: 'PAYOUT',
      status: 'PROCESSING',
      account_number: input.accountNumber,
      holder_name: input.holderName,
      amount: input.amount,
      currency: input.currency,
      description: input.description,
      notify_url: input.notifyUrl,
      body_hash: bodyHash,
    });

    const refused: Outcome | null =
      (await checkPayee(client, input)) ??
      (fault?.mode === 'DECLINE' ? { status: 'FAILED', failureReason: 'DECLINED' } : null) ??
      (fault?.mode === 'INSUFFICIENT_FUNDS' ? { status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' } : null);
    const noticeFault = isNoticeFault(fault) ? fault : null;

    if (refused) {
      request = await finishRequest(client, request, refused, noticeFault);
    } else if (noticeFault?.mode === 'DELAY_NOTICE') {
      // Stays PROCESSING; the worker pays it out when process_at comes (processDuePayouts).
      await client.query(
        `UPDATE sandbox_bank.requests SET process_at = now() + make_interval(secs => $2) WHERE id = $1`,
        [request.id, noticeFault.delaySeconds ?? DEFAULT_NOTICE_DELAY_SECONDS],
      );
    } else {
      request = await completePayout(client, request, noticeFault);
    }

    // With a notice fault the outcome is told only by notice or status query.
    const answerStatus = noticeFault ? 'PROCESSING' : request.status;
    const answer: StoredAnswer = {
      httpStatus: 200,
      body: {
        reference: request.reference,
        bank_reference: request.bank_reference,
        status: answerStatus,
        ...(answerStatus === 'FAILED' ? { failure_reason: request.failure_reason } : {}),
      },
      waitMs: fault?.mode === 'TIMEOUT' ? options.timeoutFaultMs : 0,
    };
    await storeAnswer(client, request.id, answer);
    return answer;
  });
}
