// What the customer does on the bank's authorisation page, as functions tests can call
// without a browser. The code is the one texted to the holder's phone (debit-code.ts), good
// for 5 minutes and checked against its keyed hash. A correct code moves the money to the reserve (unless a DECLINE or
// INSUFFICIENT_FUNDS fault says otherwise); five wrong codes fail the debit DECLINED;
// "cancel" fails it CANCELLED; after 30 minutes it fails EXPIRED. Each outcome queues its
// notice in the same transaction.
import 'server-only';
import type { BankClient, BankPool, Queryable } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { RequestNotFoundError } from '../errors';
import { DEBIT_AUTHORISATION_FAULTS, NOTICE_FAULTS } from '../faults/fault-modes';
import { takeFault } from '../faults/faults-store';
import { moveMoney } from '../books/move-money';
import { oneTimeCodeMatches } from '../phone/one-time-code';
import { maskPhone, phoneOfAccount } from '../phone/send-text';
import { RESERVE_ACCOUNT_NUMBER } from '../seed-accounts';
import { debitCodePurpose } from './debit-code';
import { finishRequest, outcomeOfMove } from './finish-request';
import { MAX_CODE_ATTEMPTS, type FailureReason, type Outcome, type RequestRow } from './request-row';
import { returnUrlWithOutcome } from './return-url';

export type DebitOutcome = {
  requestId: string;
  reference: string;
  status: 'SUCCEEDED' | 'FAILED';
  failureReason: FailureReason | null;
  /** The wallet's return_url with ?reference=…&status=… appended. */
  redirectUrl: string;
};

export type AuthoriseResult =
  | ({ outcome: 'FINISHED' } & DebitOutcome)
  /** The debit had its outcome already (another tab, the expiry worker): nothing changed. */
  | ({ outcome: 'ALREADY_FINISHED' } & DebitOutcome)
  | { outcome: 'WRONG_CODE'; attemptsLeft: number }
  /** The code texted last is older than 5 minutes: nothing counted, a new one can be sent. */
  | { outcome: 'CODE_EXPIRED' };

function debitOutcome(request: RequestRow): DebitOutcome {
  if (request.status !== 'SUCCEEDED' && request.status !== 'FAILED')
    throw new Error(`debit ${request.reference} is not finished`);
  return {
    requestId: request.id,
    reference: request.reference,
    status: request.status,
    failureReason: request.failure_reason,
    redirectUrl: returnUrlWithOutcome(request.return_url!, request.reference, request.status),
  };
}

async function lockDebitOrThrow(client: BankClient, bankReference: string): Promise<RequestRow> {
  const { rows } = await client.query<RequestRow>(
    `SELECT * FROM sandbox_bank.requests WHERE bank_reference = $1 AND kind = 'DEBIT' FOR UPDATE`,
    [bankReference],
  );
  if (!rows[0]) throw new RequestNotFoundError(`no debit ${bankReference}`);
  return rows[0];
}

/** Fails a debit that is past its authorisation window (in the caller's transaction). */
export async function expireDebit(client: BankClient, request: RequestRow): Promise<RequestRow> {
  const fault = await takeFault(client, request.account_number, NOTICE_FAULTS);
  return finishRequest(client, request, { status: 'FAILED', failureReason: 'EXPIRED' }, fault);
}

export function authoriseDebit(pool: BankPool, bankReference: string, code: string): Promise<AuthoriseResult> {
  return inTransaction(pool, async (client) => {
    const debit = await lockDebitOrThrow(client, bankReference);
    if (debit.status !== 'AWAITING_AUTHORISATION') return { outcome: 'ALREADY_FINISHED', ...debitOutcome(debit) };
    if (debit.expires_at! <= new Date())
      return { outcome: 'FINISHED', ...debitOutcome(await expireDebit(client, debit)) };

    if (!debit.code_expires_at || debit.code_expires_at <= new Date()) return { outcome: 'CODE_EXPIRED' };
    if (!oneTimeCodeMatches(debitCodePurpose(debit.id), debit.code_hash, code)) {
      const attempts = debit.failed_attempts + 1;
      await client.query('UPDATE sandbox_bank.requests SET failed_attempts = $2 WHERE id = $1', [debit.id, attempts]);
      if (attempts < MAX_CODE_ATTEMPTS) return { outcome: 'WRONG_CODE', attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
      const noticeFault = await takeFault(client, debit.account_number, NOTICE_FAULTS);
      const failed = await finishRequest(
        client,
        { ...debit, failed_attempts: attempts },
        { status: 'FAILED', failureReason: 'DECLINED' },
        noticeFault,
      );
      return { outcome: 'FINISHED', ...debitOutcome(failed) };
    }

    const fault = await takeFault(client, debit.account_number, DEBIT_AUTHORISATION_FAULTS);
    let outcome: Outcome;
    if (fault?.mode === 'DECLINE') outcome = { status: 'FAILED', failureReason: 'DECLINED' };
    else if (fault?.mode === 'INSUFFICIENT_FUNDS') outcome = { status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' };
    else {
      const moved = await moveMoney(client, {
        kind: 'DEBIT',
        requestId: debit.id,
        bankReference: debit.bank_reference,
        fromAccount: debit.account_number,
        toAccount: RESERVE_ACCOUNT_NUMBER,
        amount: debit.amount,
        description: debit.description || debit.payee || '',
      });
      outcome = outcomeOfMove(moved);
    }
    const finished = await finishRequest(client, debit, outcome, fault);
    return { outcome: 'FINISHED', ...debitOutcome(finished) };
  });
}

export type CancelResult = ({ outcome: 'FINISHED' } & DebitOutcome) | ({ outcome: 'ALREADY_FINISHED' } & DebitOutcome);

/** The customer said no: the debit fails CANCELLED, nothing moves. */
export function cancelDebit(pool: BankPool, bankReference: string): Promise<CancelResult> {
  return inTransaction(pool, async (client) => {
    const debit = await lockDebitOrThrow(client, bankReference);
    if (debit.status !== 'AWAITING_AUTHORISATION') return { outcome: 'ALREADY_FINISHED', ...debitOutcome(debit) };
    const fault = await takeFault(client, debit.account_number, NOTICE_FAULTS);
    const failed = await finishRequest(client, debit, { status: 'FAILED', failureReason: 'CANCELLED' }, fault);
    return { outcome: 'FINISHED', ...debitOutcome(failed) };
  });
}

export type DebitForPage = {
  bankReference: string;
  reference: string;
  status: RequestRow['status'];
  failureReason: FailureReason | null;
  accountNumber: string;
  amount: bigint;
  currency: string;
  payee: string;
  description: string;
  /** The phone the code went to, masked ("138****1234"), and the serial of its last text. */
  maskedPhone: string;
  codeSerial: string | null;
  codeSentAt: Date | null;
  attemptsLeft: number;
  expiresAt: Date;
  /** Set once the debit is finished: where "back to the merchant" leads. */
  redirectUrl: string | null;
};

/** What the authorisation page shows; null for an unknown bank reference. */
export async function getDebitForPage(db: Queryable, bankReference: string): Promise<DebitForPage | null> {
  const { rows } = await db.query<RequestRow>(
    `SELECT * FROM sandbox_bank.requests WHERE bank_reference = $1 AND kind = 'DEBIT'`,
    [bankReference],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    bankReference: r.bank_reference,
    reference: r.reference,
    status: r.status,
    failureReason: r.failure_reason,
    accountNumber: r.account_number,
    amount: r.amount,
    currency: r.currency,
    payee: r.payee ?? '',
    description: r.description,
    maskedPhone: maskPhone((await phoneOfAccount(db, r.account_number)) ?? ''),
    codeSerial: await lastCodeSerial(db, r.id),
    codeSentAt: r.code_sent_at,
    attemptsLeft: MAX_CODE_ATTEMPTS - r.failed_attempts,
    expiresAt: r.expires_at!,
    redirectUrl:
      r.status === 'SUCCEEDED' || r.status === 'FAILED'
        ? returnUrlWithOutcome(r.return_url!, r.reference, r.status)
        : null,
  };
}

async function lastCodeSerial(db: Queryable, requestId: string): Promise<string | null> {
  const { rows } = await db.query<{ serial: string }>(
    'SELECT serial FROM sandbox_bank.phone_messages WHERE request_id = $1 ORDER BY id DESC LIMIT 1',
    [requestId],
  );
  return rows[0]?.serial ?? null;
}
