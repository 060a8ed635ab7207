// POST /debits: the wallet asks for a debit the customer must authorise on the bank's page.
// Nothing moves yet; the answer carries the page's URL. Faults acting here: ERROR_500
// (nothing happens) and TIMEOUT (the debit is created, the answer comes late).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { BankPool } from '../db/pool';
import { AccountNotFoundError, InvalidFieldError } from '../errors';
import { DEBIT_CREATION_FAULTS } from '../faults/fault-modes';
import { takeFault } from '../faults/faults-store';
import { newBankReference } from './bank-reference';
import { textDebitCode } from './debit-code';
import {
  answerIdempotently,
  insertRequestOrThrow,
  requestBodyHash,
  storeAnswer,
  type StoredAnswer,
} from './idempotency';
import { DEBIT_AUTHORISATION_WINDOW_MINUTES } from './request-row';

export type CreateDebitInput = {
  reference: string;
  accountNumber: string;
  amount: bigint;
  currency: 'CNY';
  payee: string;
  description: string;
  returnUrl: string;
  notifyUrl: string;
};

export type CreateDebitOptions = {
  /** The bank's page origin + base, e.g. "http://localhost:3000/sandbox-bank". */
  pagesBaseUrl: string;
  /** How long the TIMEOUT fault holds the answer back (API.md: 15 s). */
  timeoutFaultMs: number;
};

export function authorizeUrl(pagesBaseUrl: string, bankReference: string): string {
  return `${pagesBaseUrl}/authorize/${encodeURIComponent(bankReference)}`;
}

export function createDebit(
  pool: BankPool,
  input: CreateDebitInput,
  options: CreateDebitOptions,
): Promise<StoredAnswer> {
  const bodyHash = requestBodyHash('DEBIT', {
    reference: input.reference,
    account_number: input.accountNumber,
    amount: input.amount,
    currency: input.currency,
    payee: input.payee,
    description: input.description,
    return_url: input.returnUrl,
    notify_url: input.notifyUrl,
  });
  return answerIdempotently(pool, input.reference, bodyHash, async (client) => {
    const fault = await takeFault(client, input.accountNumber, DEBIT_CREATION_FAULTS);
    if (fault?.mode === 'ERROR_500') return 'ERROR_500';

    const { rows } = await client.query<{ kind: string; status: string }>(
      'SELECT kind, status FROM sandbox_bank.accounts WHERE account_number = $1',
      [input.accountNumber],
    );
    const account = rows[0];
    if (!account || account.status !== 'OPEN') throw new AccountNotFoundError();
    if (account.kind !== 'CUSTOMER')
      throw new InvalidFieldError('account_number', 'the reserve account cannot be debited this way');

    const bankReference = newBankReference();
    const request = await insertRequestOrThrow(client, {
      id: randomUUID(),
      reference: input.reference,
      bank_reference: bankReference,
      kind: 'DEBIT',
      status: 'AWAITING_AUTHORISATION',
      account_number: input.accountNumber,
      amount: input.amount,
      currency: input.currency,
      payee: input.payee,
      description: input.description,
      return_url: input.returnUrl,
      notify_url: input.notifyUrl,
      body_hash: bodyHash,
      expires_at: new Date(Date.now() + DEBIT_AUTHORISATION_WINDOW_MINUTES * 60_000),
    });
    // The holder's phone gets the code (in this transaction: a debit that is not created texts nothing).
    await textDebitCode(client, request);
    const answer: StoredAnswer = {
      httpStatus: 201,
      body: {
        reference: request.reference,
        bank_reference: request.bank_reference,
        status: 'AWAITING_AUTHORISATION',
        authorize_url: authorizeUrl(options.pagesBaseUrl, request.bank_reference),
      },
      waitMs: fault?.mode === 'TIMEOUT' ? options.timeoutFaultMs : 0,
    };
    await storeAnswer(client, request.id, answer);
    return answer;
  });
}
