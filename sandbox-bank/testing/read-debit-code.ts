import type { Queryable } from '../db/pool';

/**
 * The code of a debit as the holder's phone received it (the last text about it): what a
 * person reads off the simulated phone, for tests that skip the page.
 */
export async function readDebitCode(db: Queryable, bankReference: string): Promise<string> {
  const { rows } = await db.query<{ body: string }>(
    `SELECT m.body FROM sandbox_bank.phone_messages m JOIN sandbox_bank.requests r ON r.id = m.request_id
     WHERE r.bank_reference = $1 ORDER BY m.id DESC LIMIT 1`,
    [bankReference],
  );
  const code = rows[0]?.body.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no code texted for debit ${bankReference}`);
  return code;
}

/** The code of a card binding, as the holder's phone received it. */
export async function readBindingCode(db: Queryable, bindingId: string): Promise<string> {
  const { rows } = await db.query<{ body: string }>(
    'SELECT body FROM sandbox_bank.phone_messages WHERE binding_id = $1 ORDER BY id DESC LIMIT 1',
    [bindingId],
  );
  const code = rows[0]?.body.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no code texted for binding ${bindingId}`);
  return code;
}

/** What the bank has on file for an account's holder (what the holder would type). */
export async function holderOnFile(
  db: Queryable,
  accountNumber: string,
): Promise<{ holderName: string; idNumber: string; phone: string }> {
  const { rows } = await db.query<{ name: string; id_number: string; phone: string }>(
    `SELECT c.name, c.id_number, c.phone FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id
     WHERE a.account_number = $1`,
    [accountNumber],
  );
  if (!rows[0]) throw new Error(`no account ${accountNumber}`);
  return { holderName: rows[0].name, idNumber: rows[0].id_number, phone: rows[0].phone };
}
