// Moves money between two accounts of the bank in the caller's transaction: both accounts
// locked in one fixed order (by number, so two transfers never wait on each other in a
// cycle), the funds checked, both balances changed, one movement written with the request's
// bank reference and the balances after. The CHECK on accounts.balance refuses an overdraft
// even if this code were wrong.
import 'server-only';
import type { BankClient } from '../db/pool';

export type MoveMoneyInput = {
  kind: 'DEBIT' | 'PAYOUT';
  requestId: string;
  bankReference: string;
  fromAccount: string;
  toAccount: string;
  amount: bigint;
  description: string;
};

export type MoveMoneyResult =
  | { ok: true; movementId: bigint; fromBalanceAfter: bigint; toBalanceAfter: bigint }
  | { ok: false; reason: 'INSUFFICIENT_FUNDS' | 'ACCOUNT_NOT_FOUND' };

type LockedAccount = { account_number: string; balance: bigint; status: 'OPEN' | 'CLOSED' };

export async function moveMoney(client: BankClient, input: MoveMoneyInput): Promise<MoveMoneyResult> {
  if (input.amount <= 0n) throw new Error('moveMoney: amount must be positive');
  if (input.fromAccount === input.toAccount) throw new Error('moveMoney: an account cannot pay itself');
  const { rows } = await client.query<LockedAccount>(
    `SELECT account_number, balance, status FROM sandbox_bank.accounts
     WHERE account_number = ANY($1) ORDER BY account_number FOR UPDATE`,
    [[input.fromAccount, input.toAccount]],
  );
  const from = rows.find((r) => r.account_number === input.fromAccount);
  const to = rows.find((r) => r.account_number === input.toAccount);
  if (!from || !to || from.status !== 'OPEN' || to.status !== 'OPEN') return { ok: false, reason: 'ACCOUNT_NOT_FOUND' };
  if (from.balance < input.amount) return { ok: false, reason: 'INSUFFICIENT_FUNDS' };

  const fromBalanceAfter = from.balance - input.amount;
  const toBalanceAfter = to.balance + input.amount;
  await client.query('UPDATE sandbox_bank.accounts SET balance = $2 WHERE account_number = $1', [
    input.fromAccount,
    fromBalanceAfter,
  ]);
  await client.query('UPDATE sandbox_bank.accounts SET balance = $2 WHERE account_number = $1', [
    input.toAccount,
    toBalanceAfter,
  ]);
  const inserted = await client.query<{ id: bigint }>(
    `INSERT INTO sandbox_bank.movements
       (bank_reference, request_id, kind, from_account, to_account, amount, from_balance_after, to_balance_after, description, booked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp())
     RETURNING id`,
    [
      input.bankReference,
      input.requestId,
      input.kind,
      input.fromAccount,
      input.toAccount,
      input.amount,
      fromBalanceAfter,
      toBalanceAfter,
      input.description,
    ],
  );
  return { ok: true, movementId: inserted.rows[0]!.id, fromBalanceAfter, toBalanceAfter };
}
