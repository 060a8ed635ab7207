'use server';
import 'server-only';

// The authorisation page's server actions: thin wrappers over authoriseDebit / cancelDebit.
// On an outcome the bank tries to hand the wallet its notice at once (short timeout; the
// worker retries otherwise), then sends the customer back to the wallet's return_url.
import { redirect } from 'next/navigation';
import { sandboxBankPool } from '../db/pool';
import { deliverNoticeOfRequest } from '../notices/deliver-notices';
import { authoriseDebit, cancelDebit } from '../requests/authorise-debit';
import { BANK_REFERENCE_PATTERN } from '../requests/bank-reference';
import { resendDebitCode } from '../requests/debit-code';
import { requireSandboxBankEnabled } from '../require-enabled';

export type AuthoriseFormState =
  | { error: 'WRONG_CODE'; attemptsLeft: number }
  | { error: 'INCOMPLETE' }
  | { error: 'CODE_EXPIRED' }
  | { resent: true; at: number }
  | { error: 'RESEND_TOO_SOON'; waitSeconds: number }
  | null;

const IMMEDIATE_NOTICE_TIMEOUT_MS = 2_000;

async function tellWalletNow(requestId: string): Promise<void> {
  await deliverNoticeOfRequest(sandboxBankPool(), requestId, { timeoutMs: IMMEDIATE_NOTICE_TIMEOUT_MS }).catch(
    (err: unknown) =>
      console.error('[sandbox-bank] immediate notice delivery failed; the worker will retry:', (err as Error).message),
  );
}

function checkedReference(bankReference: unknown): string {
  if (typeof bankReference !== 'string' || !BANK_REFERENCE_PATTERN.test(bankReference))
    throw new Error('invalid bank reference');
  return bankReference;
}

export async function authoriseDebitAction(
  bankReference: string,
  _prev: AuthoriseFormState,
  formData: FormData,
): Promise<AuthoriseFormState> {
  requireSandboxBankEnabled();
  const ref = checkedReference(bankReference);
  const code = String(formData.get('code') ?? '');
  if (!/^\d{6}$/.test(code)) return { error: 'INCOMPLETE' };
  const result = await authoriseDebit(sandboxBankPool(), ref, code);
  if (result.outcome === 'WRONG_CODE') return { error: 'WRONG_CODE', attemptsLeft: result.attemptsLeft };
  if (result.outcome === 'CODE_EXPIRED') return { error: 'CODE_EXPIRED' };
  if (result.outcome === 'FINISHED') await tellWalletNow(result.requestId);
  redirect(result.redirectUrl);
}

/** "Resend the code": a new text to the holder's phone (once a minute at most). */
export async function resendDebitCodeAction(bankReference: string): Promise<AuthoriseFormState> {
  requireSandboxBankEnabled();
  const result = await resendDebitCode(sandboxBankPool(), checkedReference(bankReference));
  if (result.outcome === 'TOO_SOON') return { error: 'RESEND_TOO_SOON', waitSeconds: result.waitSeconds };
  if (result.outcome === 'NOT_AWAITING') redirect(`/sandbox-bank/authorize/${bankReference}`);
  return { resent: true, at: Date.now() };
}

export async function cancelDebitAction(bankReference: string): Promise<void> {
  requireSandboxBankEnabled();
  const result = await cancelDebit(sandboxBankPool(), checkedReference(bankReference));
  if (result.outcome === 'FINISHED') await tellWalletNow(result.requestId);
  redirect(result.redirectUrl);
}
