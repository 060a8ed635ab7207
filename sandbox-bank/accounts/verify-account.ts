// POST /accounts/verify: does this account exist, open, in this holder's name? What a wallet
// asks before linking a bank account (the holder's name is compared, never revealed).
import type { Queryable } from '../db/pool';
import { SANDBOX_BANK_NAME } from '../seed-accounts';
import { maskAccountNumber } from './mask-account-number';

export type VerifyAccountAnswer =
  | { verified: true; bank_name: string; masked_number: string }
  | { verified: false; reason: 'NOT_FOUND' | 'NAME_MISMATCH' | 'CLOSED' };

export async function verifyAccount(db: Queryable, accountNumber: string, holderName: string): Promise<VerifyAccountAnswer> {
  const { rows } = await db.query<{ status: string; name: string }>(
    `SELECT a.status, c.name FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id
     WHERE a.account_number = $1`,
    [accountNumber],
  );
  const account = rows[0];
  if (!account) return { verified: false, reason: 'NOT_FOUND' };
  if (account.status !== 'OPEN') return { verified: false, reason: 'CLOSED' };
  if (account.name.trim().normalize('NFC') !== holderName.trim().normalize('NFC')) return { verified: false, reason: 'NAME_MISMATCH' };
  return { verified: true, bank_name: SANDBOX_BANK_NAME, masked_number: maskAccountNumber(accountNumber) };
}
