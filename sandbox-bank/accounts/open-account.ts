// Opens an account for a (new) customer, with an opening deposit booked as a movement so
// that every balance is explained by movements (the database checks it at commit).
import 'server-only';
import { randomInt, randomUUID } from 'node:crypto';
import type { BankClient, BankPool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { newBankReference } from '../requests/bank-reference';
import { randomPhoneNumber, randomResidentIdNumber } from './resident-id-number';

export type OpenAccountInput = {
  holderName: string;
  /** 16 to 19 digits; a random 6222 8… number when absent. */
  accountNumber?: string | undefined;
  /** Opening deposit in fen (default 0). */
  openingBalance?: bigint | undefined;
  kind?: 'CUSTOMER' | 'RESERVE' | undefined;
  /** The holder's 居民身份证号; a random valid one when absent (null: none on file). */
  idNumber?: string | null | undefined;
  /** The holder's phone on file; a random 170… number when absent. */
  phone?: string | undefined;
};

/** A random 16-digit number in a range the seed never uses (6222 8…). */
export function randomAccountNumber(): string {
  let digits = '62228';
  while (digits.length < 16) digits += String(randomInt(10));
  return digits;
}

/** Opens the account inside the caller's transaction. Returns its number. */
export async function openAccountInTransaction(client: BankClient, input: OpenAccountInput): Promise<string> {
  const accountNumber = input.accountNumber ?? randomAccountNumber();
  const openingBalance = input.openingBalance ?? 0n;
  const customerId = randomUUID();
  await client.query('INSERT INTO sandbox_bank.customers (id, name, id_number, phone) VALUES ($1, $2, $3, $4)', [
    customerId,
    input.holderName,
    input.idNumber === undefined ? randomResidentIdNumber() : input.idNumber,
    input.phone ?? randomPhoneNumber(),
  ]);
  await client.query('INSERT INTO sandbox_bank.accounts (account_number, customer_id, kind) VALUES ($1, $2, $3)', [
    accountNumber,
    customerId,
    input.kind ?? 'CUSTOMER',
  ]);
  if (openingBalance > 0n) {
    await client.query('UPDATE sandbox_bank.accounts SET balance = balance + $2 WHERE account_number = $1', [
      accountNumber,
      openingBalance,
    ]);
    await client.query(
      `INSERT INTO sandbox_bank.movements (bank_reference, kind, to_account, amount, to_balance_after, description)
       VALUES ($1, 'DEPOSIT', $2, $3, $3, '开户存入')`,
      [newBankReference(), accountNumber, openingBalance],
    );
  }
  return accountNumber;
}

/** Opens an account in a transaction of its own (tests use it for accounts of their own). */
export function openSandboxAccount(pool: BankPool, input: OpenAccountInput): Promise<string> {
  return inTransaction(pool, (client) => openAccountInTransaction(client, input));
}
