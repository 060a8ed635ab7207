// Ledger accounts: one per account code and currency (docs/design.md, "Chart of accounts"). Kind, owner and whether
// the account may go negative all follow from the code (ledger/chart-of-accounts).
import 'server-only';
import {
  FEE_REVENUE_ACCOUNT,
  IN_TRANSIT_ACCOUNT,
  RESERVE_ACCOUNT,
  SUSPENSE_ACCOUNT,
  mayGoNegative,
  parseAccountCode,
  parseCurrency,
  type AccountKind,
  type Currency,
} from '@/ledger';
import type { DbClient } from '../db';

export type LedgerAccount = {
  id: string;
  code: string;
  currency: Currency;
  kind: AccountKind;
  /** User or merchant id; null for platform accounts. */
  ownerId: string | null;
  mayGoNegative: boolean;
};

type AccountRow = {
  id: string;
  code: string;
  currency: string;
  kind: string;
  owner_id: string | null;
  may_go_negative: boolean;
};

export const PLATFORM_ACCOUNT_CODES = Object.freeze([
  RESERVE_ACCOUNT,
  IN_TRANSIT_ACCOUNT,
  FEE_REVENUE_ACCOUNT,
  SUSPENSE_ACCOUNT,
]);

/** Creates the account unless it exists (safe under concurrency); returns it. */
export async function ensureAccount(db: DbClient, code: string, currency: Currency): Promise<LedgerAccount> {
  const [account] = await ensureAccounts(db, [{ code, currency }]);
  return account!;
}

/** ensureAccount for many accounts in one statement (seeding, sign-up of a merchant...). */
export async function ensureAccounts(
  db: DbClient,
  wanted: readonly { code: string; currency: Currency }[],
): Promise<LedgerAccount[]> {
  if (wanted.length === 0) return [];
  const specs = wanted.map(({ code, currency }) => {
    const parsed = parseAccountCode(code); // InvalidAccountCodeError
    return {
      code: parsed.code,
      currency: parseCurrency(currency),
      kind: parsed.kind,
      ownerId: parsed.ownerId,
      neg: mayGoNegative(parsed.kind),
    };
  });
  const codes = specs.map((s) => s.code);
  const currencies = specs.map((s) => s.currency);
  await db.$executeRaw`
    INSERT INTO ledger_accounts (id, code, currency, kind, owner_id, may_go_negative)
    SELECT uuidv7(), u.code, u.currency, u.kind, u.owner_id, u.neg
    FROM unnest(${codes}::text[], ${currencies}::text[], ${specs.map((s) => s.kind)}::text[],
                ${specs.map((s) => s.ownerId)}::text[], ${specs.map((s) => s.neg)}::boolean[])
      AS u(code, currency, kind, owner_id, neg)
    ORDER BY u.code, u.currency
    ON CONFLICT (code, currency) DO NOTHING`;
  // A separate statement: it sees rows that a concurrent ensureAccount committed meanwhile.
  const rows = await db.$queryRaw<AccountRow[]>`
    SELECT a.id::text AS id, a.code, a.currency, a.kind, a.owner_id, a.may_go_negative
    FROM unnest(${codes}::text[], ${currencies}::text[]) WITH ORDINALITY AS u(code, currency, ord)
    JOIN ledger_accounts a ON a.code = u.code AND a.currency = u.currency
    ORDER BY u.ord`;
  if (rows.length !== specs.length) throw new Error('ensureAccounts: an account vanished after being created');
  return rows.map(toAccount);
}

/** The platform's accounts of one currency (reserve, in transit, fees, suspense). */
export async function ensurePlatformAccounts(db: DbClient, currency: Currency): Promise<LedgerAccount[]> {
  return ensureAccounts(
    db,
    PLATFORM_ACCOUNT_CODES.map((code) => ({ code, currency })),
  );
}

/** The account, or null when it does not exist. */
export async function findAccount(db: DbClient, code: string, currency: Currency): Promise<LedgerAccount | null> {
  const rows = await db.$queryRaw<AccountRow[]>`
    SELECT id::text AS id, code, currency, kind, owner_id, may_go_negative
    FROM ledger_accounts WHERE code = ${code} AND currency = ${currency}`;
  return rows[0] ? toAccount(rows[0]) : null;
}

function toAccount(row: AccountRow): LedgerAccount {
  return {
    id: row.id,
    code: row.code,
    currency: row.currency as Currency,
    kind: row.kind as AccountKind,
    ownerId: row.owner_id,
    mayGoNegative: row.may_go_negative,
  };
}
