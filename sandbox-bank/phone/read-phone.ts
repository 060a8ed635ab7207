// What the simulated phones show: which holder has which phone, and the texts a phone received.
import 'server-only';
import type { Queryable } from '../db/pool';

export type PhoneOfHolder = { accountNumber: string; holderName: string; phone: string };
export type PhoneMessage = { id: bigint; serial: string; body: string; sentAt: Date };

/** Every customer account with its holder's phone (the reserve has no phone to read). */
export async function listHolderPhones(db: Queryable): Promise<PhoneOfHolder[]> {
  const { rows } = await db.query<{ account_number: string; name: string; phone: string }>(
    `SELECT a.account_number, c.name, c.phone FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id
     WHERE a.kind = 'CUSTOMER' ORDER BY a.account_number`,
  );
  return rows.map((r) => ({ accountNumber: r.account_number, holderName: r.name, phone: r.phone }));
}

export async function findHolderPhone(db: Queryable, accountNumber: string): Promise<PhoneOfHolder | null> {
  const { rows } = await db.query<{ account_number: string; name: string; phone: string }>(
    `SELECT a.account_number, c.name, c.phone FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id
     WHERE a.account_number = $1 AND a.kind = 'CUSTOMER'`,
    [accountNumber],
  );
  const r = rows[0];
  return r ? { accountNumber: r.account_number, holderName: r.name, phone: r.phone } : null;
}

/** The newest texts first. */
export async function phoneMessages(db: Queryable, phone: string, limit = 30): Promise<PhoneMessage[]> {
  const { rows } = await db.query<{ id: bigint; serial: string; body: string; sent_at: Date }>(
    'SELECT id, serial, body, sent_at FROM sandbox_bank.phone_messages WHERE phone = $1 ORDER BY id DESC LIMIT $2',
    [phone, limit],
  );
  return rows.map((r) => ({ id: r.id, serial: r.serial, body: r.body, sentAt: r.sent_at }));
}
