// The code that authorises a debit goes to the holder's phone, never onto the page: texted
// when the debit is created, again on "resend" (at most once a minute). Each text replaces
// the previous code; wrong tries count across resends (five in all fail the debit).
import 'server-only';
import type { BankClient, BankPool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { RequestNotFoundError } from '../errors';
import { codeExpiry, hashOneTimeCode, newOneTimeCode } from '../phone/one-time-code';
import { phoneOfAccount, sendText } from '../phone/send-text';
import { SANDBOX_BANK_NAME } from '../seed-accounts';
import { bankMoney } from '../ui/format';
import type { RequestRow } from './request-row';

/** Seconds between two texts of the same debit. */
export const RESEND_AFTER_SECONDS = 60;

export const debitCodePurpose = (requestId: string) => `debit:${requestId}`;

/** Texts a new code for `debit` and stores its hash (in the caller's transaction). */
export async function textDebitCode(
  client: BankClient,
  debit: Pick<RequestRow, 'id' | 'account_number' | 'amount' | 'payee'>,
): Promise<void> {
  const phone = await phoneOfAccount(client, debit.account_number);
  if (!phone) throw new Error(`account ${debit.account_number} has no phone on file`);
  const code = newOneTimeCode();
  const now = new Date();
  await sendText(
    client,
    phone,
    { requestId: debit.id },
    (serial) =>
      `【${SANDBOX_BANK_NAME}】验证码 ${code}（序号 ${serial}），您正在向 ${debit.payee ?? ''} 付款 ${bankMoney(debit.amount, 'zh-CN')}，尾号 ${debit.account_number.slice(-4)} 的账户，5 分钟内有效。请勿告诉他人。`,
  );
  await client.query(
    'UPDATE sandbox_bank.requests SET code_hash = $2, code_sent_at = $3, code_expires_at = $4 WHERE id = $1',
    [debit.id, hashOneTimeCode(debitCodePurpose(debit.id), code), now, codeExpiry(now)],
  );
}

export type ResendResult =
  { outcome: 'SENT' } | { outcome: 'TOO_SOON'; waitSeconds: number } | { outcome: 'NOT_AWAITING' };

/** "Resend the code" on the authorisation page. */
export function resendDebitCode(pool: BankPool, bankReference: string): Promise<ResendResult> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<RequestRow>(
      `SELECT * FROM sandbox_bank.requests WHERE bank_reference = $1 AND kind = 'DEBIT' FOR UPDATE`,
      [bankReference],
    );
    const debit = rows[0];
    if (!debit) throw new RequestNotFoundError(`no debit ${bankReference}`);
    if (debit.status !== 'AWAITING_AUTHORISATION') return { outcome: 'NOT_AWAITING' };
    const since = debit.code_sent_at ? (Date.now() - debit.code_sent_at.getTime()) / 1000 : Infinity;
    if (since < RESEND_AFTER_SECONDS)
      return { outcome: 'TOO_SOON', waitSeconds: Math.ceil(RESEND_AFTER_SECONDS - since) };
    await textDebitCode(client, debit);
    return { outcome: 'SENT' };
  });
}
