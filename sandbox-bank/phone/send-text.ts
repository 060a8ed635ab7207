// The bank texts a holder: the message lands in the simulated phone's inbox (phone_messages),
// in the caller's transaction, so a rolled-back request sends nothing.
import 'server-only';
import type { Queryable } from '../db/pool';

export type TextFor = { requestId: string } | { bindingId: string };

/** "138****1234": how the bank's pages name the phone a code went to. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Sends `body(serial)` to `phone`; returns the serial printed in it. */
export async function sendText(
  db: Queryable,
  phone: string,
  forWhat: TextFor,
  body: (serial: string) => string,
): Promise<string> {
  // The serial comes from the message's own id (the last four digits), so texts close in time differ.
  const { rows } = await db.query<{ id: bigint }>(
    "SELECT nextval(pg_get_serial_sequence('sandbox_bank.phone_messages', 'id')) AS id",
  );
  const id = rows[0]!.id;
  const serial = String(id % 10_000n).padStart(4, '0');
  await db.query(
    `INSERT INTO sandbox_bank.phone_messages (id, phone, serial, body, request_id, binding_id) OVERRIDING SYSTEM VALUE
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      id,
      phone,
      serial,
      body(serial),
      'requestId' in forWhat ? forWhat.requestId : null,
      'bindingId' in forWhat ? forWhat.bindingId : null,
    ],
  );
  return serial;
}

/** The holder's phone on file for an account (null when the bank has none). */
export async function phoneOfAccount(db: Queryable, accountNumber: string): Promise<string | null> {
  const { rows } = await db.query<{ phone: string | null }>(
    `SELECT c.phone FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id WHERE a.account_number = $1`,
    [accountNumber],
  );
  return rows[0]?.phone ?? null;
}
