// POST /card-bindings/<id>/confirm, step two: the code the holder's phone received. Single
// use, good for 5 minutes, five wrong tries end the binding. Confirmed, the bank tells the
// wallet whose card it is (the number and name it verified, masked number, bank name).
import 'server-only';
import type { BankPool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { BindingNotFoundError } from '../errors';
import { maskAccountNumber } from '../accounts/mask-account-number';
import { MAX_CODE_ATTEMPTS, oneTimeCodeMatches } from '../phone/one-time-code';
import { SANDBOX_BANK_NAME } from '../seed-accounts';
import { bindingCodePurpose } from './start-card-binding';

export type BindingFailure = 'CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'ALREADY_USED';

export type ConfirmCardBindingResult =
  | {
      status: 'CONFIRMED';
      reference: string;
      accountNumber: string;
      holderName: string;
      bankName: string;
      maskedNumber: string;
    }
  | { status: 'WRONG_CODE'; attemptsLeft: number }
  | { status: 'FAILED'; reason: BindingFailure };

type BindingRow = {
  id: string;
  reference: string;
  account_number: string;
  status: 'AWAITING_CODE' | 'CONFIRMED' | 'FAILED';
  failure_reason: 'CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS' | null;
  code_hash: string;
  code_expires_at: Date;
  failed_attempts: number;
};

export function confirmCardBinding(pool: BankPool, bindingId: string, code: string): Promise<ConfirmCardBindingResult> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<BindingRow>(
      'SELECT * FROM sandbox_bank.card_bindings WHERE id = $1 FOR UPDATE',
      [bindingId],
    );
    const binding = rows[0];
    if (!binding) throw new BindingNotFoundError();
    if (binding.status === 'CONFIRMED') return { status: 'FAILED', reason: 'ALREADY_USED' };
    if (binding.status === 'FAILED') return { status: 'FAILED', reason: binding.failure_reason! };

    const fail = async (reason: 'CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS', attempts = binding.failed_attempts) => {
      await client.query(
        `UPDATE sandbox_bank.card_bindings SET status = 'FAILED', failure_reason = $2, failed_attempts = $3, completed_at = now() WHERE id = $1`,
        [binding.id, reason, attempts],
      );
      return { status: 'FAILED' as const, reason };
    };
    if (binding.code_expires_at <= new Date()) return fail('CODE_EXPIRED');
    if (!oneTimeCodeMatches(bindingCodePurpose(binding.id), binding.code_hash, code)) {
      const attempts = binding.failed_attempts + 1;
      if (attempts >= MAX_CODE_ATTEMPTS) return fail('TOO_MANY_ATTEMPTS', attempts);
      await client.query('UPDATE sandbox_bank.card_bindings SET failed_attempts = $2 WHERE id = $1', [
        binding.id,
        attempts,
      ]);
      return { status: 'WRONG_CODE', attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
    }

    await client.query(
      `UPDATE sandbox_bank.card_bindings SET status = 'CONFIRMED', completed_at = now() WHERE id = $1`,
      [binding.id],
    );
    const holder = await client.query<{ name: string }>(
      `SELECT c.name FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id WHERE a.account_number = $1`,
      [binding.account_number],
    );
    return {
      status: 'CONFIRMED',
      reference: binding.reference,
      accountNumber: binding.account_number,
      holderName: holder.rows[0]!.name,
      bankName: SANDBOX_BANK_NAME,
      maskedNumber: maskAccountNumber(binding.account_number),
    };
  });
}
