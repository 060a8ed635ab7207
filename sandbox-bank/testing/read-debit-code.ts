import type { Queryable } from '../db/pool';

/** The one-time code of a debit, as the sandbox page shows it (for tests that skip the page). */
export async function readDebitCode(db: Queryable, bankReference: string): Promise<string> {
  const { rows } = await db.query<{ auth_code: string }>('SELECT auth_code FROM sandbox_bank.requests WHERE bank_reference = $1', [bankReference]);
  if (!rows[0]) throw new Error(`no debit ${bankReference}`);
  return rows[0].auth_code;
}
