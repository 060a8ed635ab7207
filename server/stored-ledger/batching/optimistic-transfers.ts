// The batcher's optimistic path for plain transfers (no idempotency key, accounts named by
// code: the payments, top-ups and transfers of the hot path). ledger_apply decides each op
// in PL/pgSQL and spends ~1.8 ms of database CPU per call before its rows are written; here
// the batcher predicts that every op of the call succeeds (on its estimates of the balances,
// known-accounts.ts) and writes them all with ledger_write_transfers (one round trip):
// each account changed by the sum of its postings, the entries and the postings inserted.
// The database checks the prediction on the rows themselves once they are locked: for every
// account that may not go negative and that the call debits, the lowest balance the call
// leaves it at after any of its ops must not be below its pending debits - the check
// ledger_apply makes op by op. If one would be, the call fails (LB004) and the batch goes to
// ledger_apply, which refuses the ops that must be refused. The database's guards (the
// commit-time check of every entry, the posting triggers, the CHECK on available balance)
// run as for any writer, and no estimate is ever written: balances change by deltas, and
// account_seq and balance_after are counted back from the locked rows' new values.
import { v7 as uuidv7 } from 'uuid';
import { preparedParts, type PgQueryable, type SendableLedgerOp, type SqlOpResult } from '../apply-ledger-ops';
import { accountKey, type KnownAccount, type KnownAccounts } from '../known-accounts';

/** The write, in one round trip (the function is in migration 20261126140000_ledger_optimistic_write). */
export const WRITE_TRANSFERS_SQL =
  'SELECT ledger_write_transfers($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)';

/**
 * The amounts of a plain transfer without a key whose accounts are all named by code and
 * that is well formed (ledger_apply's shape checks); null for any other op, which goes to
 * ledger_apply for its exact answer.
 */
export function optimisticAmounts(op: SendableLedgerOp): bigint[] | null {
  const p = preparedParts(op);
  if (p.t !== 'transfer' || p.key !== null || p.amounts.length < 2) return null;
  const amounts = new Array<bigint>(p.amounts.length);
  const sums = new Map<string, bigint>();
  for (let i = 0; i < p.amounts.length; i++) {
    if (p.codes[i] == null) return null;
    const amount = BigInt(p.amounts[i]!);
    if (amount === 0n) return null;
    amounts[i] = amount;
    sums.set(p.curs[i]!, (sums.get(p.curs[i]!) ?? 0n) + amount);
  }
  for (const sum of sums.values()) if (sum !== 0n) return null;
  return amounts;
}

/** The account keys an op names by code. */
export function opAccountKeys(op: SendableLedgerOp): string[] {
  const p = preparedParts(op);
  const keys: string[] = [];
  for (let i = 0; i < p.amounts.length; i++) {
    const code = p.codes[i];
    if (code != null) keys.push(accountKey(code, p.curs[i]!));
  }
  return keys;
}

export type OptimisticOp = { readonly op: SendableLedgerOp; readonly amounts: readonly bigint[] };

/** One account's part in a call. */
type AccountChange = {
  readonly account: KnownAccount;
  readonly key: string;
  /** Sum of its postings so far, and how many. */
  delta: bigint;
  steps: number;
  /** The lowest `delta` after an op that debits it (only for accounts that may not go negative). */
  low: bigint | null;
};

export type OptimisticPlan = {
  /** Per op: the entry it will be, or null: it goes to ledger_apply (an account not known, a refusal predicted). */
  readonly results: (SqlOpResult | null)[];
  /** The accounts written (keys). */
  readonly touched: string[];
  /** ledger_write_transfers' parameters; null when no op is written. */
  readonly params: unknown[] | null;
};

/**
 * Plans the call: every op it writes succeeds (the database checks it), in order, on
 * `accounts` (every account the ops name that exists). An op naming an account that does not
 * exist, or that the estimates say would be refused, is left to ledger_apply (whose answer is
 * exact) and changes nothing here. Leaves the estimates as the write will leave the rows.
 */
export function planOptimisticCall(
  ops: readonly OptimisticOp[],
  accounts: ReadonlyMap<string, KnownAccount>,
): OptimisticPlan {
  const changes = new Map<string, AccountChange>();
  const results: (SqlOpResult | null)[] = [];
  const entryIds: string[] = [];
  const kinds: string[] = [];
  const scopes: string[] = [];
  const metas: string[] = [];
  const pEntry: string[] = [];
  const pChange: AccountChange[] = [];
  const pAmount: string[] = [];
  const pSteps: number[] = [];
  const pDelta: bigint[] = [];
  for (const { op, amounts } of ops) {
    const p = preparedParts(op);
    const n = amounts.length;
    const accountsOfOp = new Array<KnownAccount>(n);
    const keys = new Array<string>(n);
    let unknown = false;
    for (let i = 0; i < n; i++) {
      keys[i] = accountKey(p.codes[i]!, p.curs[i]!);
      const account = accounts.get(keys[i]!);
      if (account === undefined) {
        unknown = true;
        break;
      }
      accountsOfOp[i] = account;
    }
    if (unknown || refusalPredicted(accountsOfOp, amounts, changes, keys)) {
      results.push(null);
      continue;
    }
    const entryId = uuidv7();
    for (let i = 0; i < n; i++) {
      let c = changes.get(keys[i]!);
      if (!c) {
        c = { account: accountsOfOp[i]!, key: keys[i]!, delta: 0n, steps: 0, low: null };
        changes.set(keys[i]!, c);
      }
      c.delta += amounts[i]!;
      c.steps += 1;
      pEntry.push(entryId);
      pChange.push(c);
      pAmount.push(p.amounts[i]!);
      pSteps.push(c.steps);
      pDelta.push(c.delta);
    }
    // ledger_apply's check, after the whole op: each debited account that may not go negative
    for (let i = 0; i < n; i++) {
      const c = changes.get(keys[i]!)!;
      if (amounts[i]! < 0n && !c.account.mayGoNegative && (c.low === null || c.delta < c.low)) c.low = c.delta;
    }
    entryIds.push(entryId);
    kinds.push(p.kind!);
    scopes.push(p.scope ?? '');
    metas.push(p.meta === null || Object.keys(p.meta).length === 0 ? '{}' : JSON.stringify(p.meta));
    results.push({ ok: true, id: entryId, status: 'POSTED', replayed: false });
  }
  if (entryIds.length === 0) return { results, touched: [], params: null };
  const rows = [...changes.values()].sort((a, b) => lockOrder(a.account, b.account));
  for (const c of rows) c.account.balance += c.delta;
  const params = [
    rows.map((c) => c.account.id),
    rows.map((c) => c.delta.toString()),
    rows.map((c) => String(c.steps)),
    rows.map((c) => (c.low === null ? null : c.low.toString())),
    rows.filter((c) => c.account.wallet).length,
    entryIds,
    kinds,
    scopes,
    metas,
    pEntry,
    pChange.map((c) => c.account.id),
    pChange.map((c) => c.account.currency),
    pAmount,
    pChange.map((c, i) => String(c.steps - pSteps[i]!)),
    pChange.map((c, i) => (c.delta - pDelta[i]!).toString()),
  ];
  return { results, touched: rows.map((c) => c.key), params };
}

/** ledger_apply's lock order: user wallets first, each group by id. */
function lockOrder(a: KnownAccount, b: KnownAccount): number {
  if (a.wallet !== b.wallet) return a.wallet ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether the estimates say the op would leave a debited account that may not go negative below zero available. */
function refusalPredicted(
  accounts: readonly KnownAccount[],
  amounts: readonly bigint[],
  changes: ReadonlyMap<string, AccountChange>,
  keys: readonly string[],
): boolean {
  for (let i = 0; i < amounts.length; i++) {
    const account = accounts[i]!;
    if (amounts[i]! >= 0n || account.mayGoNegative) continue;
    let after = account.balance - account.pendingDebits + (changes.get(keys[i]!)?.delta ?? 0n);
    for (let j = 0; j < amounts.length; j++) if (keys[j] === keys[i]) after += amounts[j]!;
    if (after < 0n) return true;
  }
  return false;
}

/**
 * One optimistic call: reads the accounts not known yet, plans, writes the ops it can in one
 * round trip (its own transaction). Per op: its result, or null for ledger_apply. A failed
 * write (LB004: an op must be refused after all; or anything else) forgets the accounts it
 * touched and is thrown.
 */
export async function runOptimisticCall(
  pg: PgQueryable,
  known: KnownAccounts,
  ops: readonly OptimisticOp[],
): Promise<(SqlOpResult | null)[]> {
  const plan = planOptimisticCall(
    ops,
    await known.load(
      pg,
      ops.flatMap(({ op }) => opAccountKeys(op)),
    ),
  );
  if (plan.params === null) return plan.results;
  try {
    await pg.query({ name: 'wallet_ledger_write_transfers', text: WRITE_TRANSFERS_SQL, values: plan.params });
  } catch (error) {
    known.forget(plan.touched);
    throw error;
  }
  return plan.results;
}
