// What the bank's own pages show: its accounts, and one account's movements.
import 'server-only';
import type { Queryable } from '../db/pool';

export type AccountSummary = {
  accountNumber: string;
  holderName: string;
  kind: 'CUSTOMER' | 'RESERVE';
  status: 'OPEN' | 'CLOSED';
  currency: string;
  balance: bigint;
};

type AccountRow = {
  account_number: string;
  holder_name: string;
  kind: 'CUSTOMER' | 'RESERVE';
  status: 'OPEN' | 'CLOSED';
  currency: string;
  balance: bigint;
};

const toSummary = (r: AccountRow): AccountSummary => ({
  accountNumber: r.account_number,
  holderName: r.holder_name,
  kind: r.kind,
  status: r.status,
  currency: r.currency,
  balance: r.balance,
});

const SELECT_ACCOUNT = `SELECT a.account_number, c.name AS holder_name, a.kind, a.status, a.currency, a.balance
  FROM sandbox_bank.accounts a JOIN sandbox_bank.customers c ON c.id = a.customer_id`;

/** The reserve first, then customers by account number. */
export async function listAccounts(db: Queryable): Promise<AccountSummary[]> {
  const { rows } = await db.query<AccountRow>(`${SELECT_ACCOUNT} ORDER BY a.kind = 'CUSTOMER', a.account_number`);
  return rows.map(toSummary);
}

export async function findAccount(db: Queryable, accountNumber: string): Promise<AccountSummary | null> {
  const { rows } = await db.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.account_number = $1`, [accountNumber]);
  return rows[0] ? toSummary(rows[0]) : null;
}

export type AccountMovement = {
  id: bigint;
  bankReference: string;
  /** The wallet's reference of the request behind it (null for a deposit). */
  reference: string | null;
  kind: 'DEPOSIT' | 'DEBIT' | 'PAYOUT';
  /** Signed from this account's side: + money in, − money out. */
  amount: bigint;
  balanceAfter: bigint;
  /** The other account (null for a deposit over the counter). */
  counterpartyAccount: string | null;
  counterpartyName: string | null;
  description: string;
  bookedAt: Date;
};

type MovementRow = {
  id: bigint;
  bank_reference: string;
  reference: string | null;
  kind: AccountMovement['kind'];
  from_account: string | null;
  to_account: string;
  amount: bigint;
  from_balance_after: bigint | null;
  to_balance_after: bigint;
  counterparty_name: string | null;
  description: string;
  booked_at: Date;
};

export function movementFromSide(accountNumber: string, r: MovementRow): AccountMovement {
  const incoming = r.to_account === accountNumber;
  return {
    id: r.id,
    bankReference: r.bank_reference,
    reference: r.reference,
    kind: r.kind,
    amount: incoming ? r.amount : -r.amount,
    balanceAfter: incoming ? r.to_balance_after : r.from_balance_after!,
    counterpartyAccount: incoming ? r.from_account : r.to_account,
    counterpartyName: r.counterparty_name,
    description: r.description,
    bookedAt: r.booked_at,
  };
}

/**
 * Movements of one account, oldest first, optionally within [from, to). With `newestFirst`
 * and `limit`, the latest ones.
 */
export async function accountMovements(
  db: Queryable,
  accountNumber: string,
  options: { from?: Date; to?: Date; newestFirst?: boolean; limit?: number } = {},
): Promise<AccountMovement[]> {
  const { rows } = await db.query<MovementRow>(
    `SELECT m.id, m.bank_reference, r.reference, m.kind, m.from_account, m.to_account, m.amount,
            m.from_balance_after, m.to_balance_after, m.description, m.booked_at, c.name AS counterparty_name
     FROM sandbox_bank.movements m
     LEFT JOIN sandbox_bank.requests r ON r.id = m.request_id
     LEFT JOIN sandbox_bank.accounts other
       ON other.account_number = CASE WHEN m.to_account = $1 THEN m.from_account ELSE m.to_account END
     LEFT JOIN sandbox_bank.customers c ON c.id = other.customer_id
     WHERE (m.to_account = $1 OR m.from_account = $1)
       AND ($2::timestamptz IS NULL OR m.booked_at >= $2) AND ($3::timestamptz IS NULL OR m.booked_at < $3)
     ORDER BY m.booked_at ${options.newestFirst ? 'DESC' : 'ASC'}, m.id ${options.newestFirst ? 'DESC' : 'ASC'}
     LIMIT $4`,
    [accountNumber, options.from ?? null, options.to ?? null, options.limit ?? null],
  );
  return rows.map((r) => movementFromSide(accountNumber, r));
}

/** The account's balance just before `instant` (0 before its first movement). */
export async function balanceBefore(db: Queryable, accountNumber: string, instant: Date): Promise<bigint> {
  const { rows } = await db.query<{ balance: bigint | null }>(
    `SELECT CASE WHEN m.to_account = $1 THEN m.to_balance_after ELSE m.from_balance_after END AS balance
     FROM sandbox_bank.movements m
     WHERE (m.to_account = $1 OR m.from_account = $1) AND m.booked_at < $2
     ORDER BY m.booked_at DESC, m.id DESC LIMIT 1`,
    [accountNumber, instant],
  );
  return rows[0]?.balance ?? 0n;
}
