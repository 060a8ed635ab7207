// What the batcher's optimistic path (optimistic-transfers.ts) knows of the accounts it
// writes: what never changes (id, whether a user wallet, whether it may go negative) and an
// estimate of the balance, to predict whether an op will be refused. The estimate is never
// trusted: the write checks the funds on the rows themselves, once locked.
import type { PgQueryable } from './apply-ledger-ops';

export type KnownAccount = {
  readonly id: string;
  readonly code: string;
  readonly currency: string;
  /** USER_WALLET rows are locked first (the global lock order of ledger_apply). */
  readonly wallet: boolean;
  readonly mayGoNegative: boolean;
  /** Estimates: as read, plus what this process has written since. */
  balance: bigint;
  pendingDebits: bigint;
};

/** Accounts kept before the map is emptied (a bound on memory; forgetting only costs a read). */
const MAX_KNOWN_ACCOUNTS = 200_000;

const LOAD_SQL = `SELECT la.id::text AS id, la.code, la.currency, la.kind, la.may_go_negative,
       la.balance::text AS balance, la.pending_debits::text AS pd
FROM ledger_accounts la
WHERE (la.code, la.currency) IN (SELECT u.code, u.cur FROM unnest($1::text[], $2::text[]) AS u(code, cur))`;

type LoadedRow = {
  id: string;
  code: string;
  currency: string;
  kind: string;
  may_go_negative: boolean;
  balance: string;
  pd: string;
};

export const accountKey = (code: string, currency: string): string => `${code}\u001f${currency}`;

export class KnownAccounts {
  private readonly byKey = new Map<string, KnownAccount>();

  get size(): number {
    return this.byKey.size;
  }

  /**
   * The accounts named by `keys` that exist: the known ones, the others read now. Returned
   * rather than looked up later: a failing call may forget an account while this read is out.
   */
  async load(pg: PgQueryable, keys: readonly string[]): Promise<Map<string, KnownAccount>> {
    const found = new Map<string, KnownAccount>();
    const missing = new Set<string>();
    for (const key of keys) {
      const known = this.byKey.get(key);
      if (known) found.set(key, known);
      else missing.add(key);
    }
    const codes: string[] = [];
    const currencies: string[] = [];
    for (const key of missing) {
      const [code, currency] = key.split('\u001f') as [string, string];
      codes.push(code);
      currencies.push(currency);
    }
    if (codes.length === 0) return found;
    const { rows } = await pg.query({
      name: 'wallet_ledger_load_accounts',
      text: LOAD_SQL,
      values: [codes, currencies],
    });
    if (this.byKey.size + rows.length > MAX_KNOWN_ACCOUNTS) this.byKey.clear();
    for (const row of rows as LoadedRow[]) {
      const key = accountKey(row.code, row.currency);
      let known = this.byKey.get(key);
      if (!known) {
        known = {
          id: row.id,
          code: row.code,
          currency: row.currency,
          wallet: row.kind === 'USER_WALLET',
          mayGoNegative: row.may_go_negative,
          balance: BigInt(row.balance),
          pendingDebits: BigInt(row.pd),
        };
        this.byKey.set(key, known);
      }
      found.set(key, known);
    }
    return found;
  }

  /** Forgets these accounts: the next call that names one reads it again. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) this.byKey.delete(key);
  }
}
