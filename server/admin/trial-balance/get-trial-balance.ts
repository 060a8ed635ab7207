// The trial balance: every ledger account's cached balance aggregated in the database per
// currency and kind (one GROUP BY over ledger_accounts, whatever the number of users), laid
// out as debit and credit columns. Owners' accounts (user wallets, merchant balances) are one
// line each with their count; platform accounts are one line each.
//
// Raw balances are credit-normal sums (+ credit, − debit), so a negative one is a debit
// balance. Since all postings sum to zero, Σ debits = Σ credits, i.e.
// assets = liabilities to users + liabilities to merchants + revenue + suspense (credit).
import 'server-only';
import type { AccountKind } from '@/ledger';
import type { Db } from '../../db';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type TrialBalanceGroup = 'ASSETS' | 'USER_LIABILITIES' | 'MERCHANT_LIABILITIES' | 'REVENUE' | 'SUSPENSE';

export type TrialBalanceLine = {
  kind: AccountKind;
  group: TrialBalanceGroup;
  /** Accounts on the line (1 for a platform account). */
  accounts: number;
  /** Accounts on the line with a non-zero balance. */
  nonZero: number;
  /** Raw balance (+ credit, − debit). */
  balance: bigint;
  debit: bigint;
  credit: bigint;
  pendingDebits: bigint;
};

export type CurrencyTrialBalance = {
  currency: string;
  lines: TrialBalanceLine[];
  totalDebit: bigint;
  totalCredit: bigint;
  /** Reserve + in transit, as the asset they are (+ = held). */
  assets: bigint;
  userLiabilities: bigint;
  merchantLiabilities: bigint;
  revenue: bigint;
  /** Suspense as a credit (+) or debit (−) balance. */
  suspense: bigint;
  balanced: boolean;
};

const GROUP_OF: Record<AccountKind, TrialBalanceGroup> = {
  RESERVE: 'ASSETS',
  IN_TRANSIT: 'ASSETS',
  USER_WALLET: 'USER_LIABILITIES',
  MERCHANT_BALANCE: 'MERCHANT_LIABILITIES',
  FEE_REVENUE: 'REVENUE',
  SUSPENSE: 'SUSPENSE',
};
const ORDER: AccountKind[] = ['RESERVE', 'IN_TRANSIT', 'USER_WALLET', 'MERCHANT_BALANCE', 'FEE_REVENUE', 'SUSPENSE'];

type Row = {
  currency: string;
  kind: AccountKind;
  accounts: bigint;
  non_zero: bigint;
  balance: bigint;
  pending_debits: bigint;
};

export async function getTrialBalance(db: Db, actorId: string): Promise<CurrencyTrialBalance[]> {
  await requireAdminOrThrow(db, actorId);
  const rows = await db.$queryRaw<Row[]>`
    SELECT currency, kind, count(*) AS accounts, count(*) FILTER (WHERE balance <> 0) AS non_zero,
           coalesce(sum(balance), 0)::bigint AS balance, coalesce(sum(pending_debits), 0)::bigint AS pending_debits
    FROM ledger_accounts
    GROUP BY currency, kind
    ORDER BY currency`;
  const byCurrency = new Map<string, TrialBalanceLine[]>();
  for (const r of rows) {
    const balance = BigInt(r.balance);
    const line: TrialBalanceLine = {
      kind: r.kind,
      group: GROUP_OF[r.kind],
      accounts: Number(r.accounts),
      nonZero: Number(r.non_zero),
      balance,
      debit: balance < 0n ? -balance : 0n,
      credit: balance > 0n ? balance : 0n,
      pendingDebits: BigInt(r.pending_debits),
    };
    byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), line]);
  }
  return [...byCurrency.entries()].map(([currency, unsorted]) => {
    const lines = unsorted
      .filter((l) => l.group !== undefined)
      .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
    const sumOf = (group: TrialBalanceGroup) =>
      lines.filter((l) => l.group === group).reduce((s, l) => s + l.balance, 0n);
    const totalDebit = lines.reduce((s, l) => s + l.debit, 0n);
    const totalCredit = lines.reduce((s, l) => s + l.credit, 0n);
    const assets = -sumOf('ASSETS');
    const userLiabilities = sumOf('USER_LIABILITIES');
    const merchantLiabilities = sumOf('MERCHANT_LIABILITIES');
    const revenue = sumOf('REVENUE');
    const suspense = sumOf('SUSPENSE');
    return {
      currency,
      lines,
      totalDebit,
      totalCredit,
      assets,
      userLiabilities,
      merchantLiabilities,
      revenue,
      suspense,
      balanced: totalDebit === totalCredit && assets === userLiabilities + merchantLiabilities + revenue + suspense,
    };
  });
}

export type LargestAccount = {
  code: string;
  ownerId: string | null;
  ownerName: string | null;
  balance: bigint;
  pendingDebits: bigint;
};

/** Drill-down of a grouped line: its largest balances (by index-free top-N, no full listing). */
export async function listLargestAccounts(
  db: Db,
  actorId: string,
  currency: string,
  kind: 'USER_WALLET' | 'MERCHANT_BALANCE',
  limit = 20,
): Promise<LargestAccount[]> {
  await requireAdminOrThrow(db, actorId);
  const rows = await db.$queryRaw<
    { code: string; owner_id: string | null; owner_name: string | null; balance: bigint; pending_debits: bigint }[]
  >`
    SELECT a.code, a.owner_id, coalesce(u.display_name, m.shop_name) AS owner_name, a.balance, a.pending_debits
    FROM (SELECT code, owner_id, balance, pending_debits FROM ledger_accounts
          WHERE currency = ${currency} AND kind = ${kind} ORDER BY balance DESC LIMIT ${Math.min(Math.max(limit, 1), 100)}) a
    LEFT JOIN users u ON ${kind} = 'USER_WALLET' AND u.id::text = a.owner_id
    LEFT JOIN merchants m ON ${kind} = 'MERCHANT_BALANCE' AND m.id::text = a.owner_id
    ORDER BY a.balance DESC`;
  return rows.map((r) => ({
    code: r.code,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    balance: BigInt(r.balance),
    pendingDebits: BigInt(r.pending_debits),
  }));
}
