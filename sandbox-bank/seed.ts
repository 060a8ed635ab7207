// seedSandboxBank: the seeded customers and the platform's reserve account. Idempotent and
// called at every start: an account that exists is left alone (its balance is its own).
import 'server-only';
import { openAccountInTransaction } from './accounts/open-account';
import { createSandboxBankPool } from './db/pool';
import { inTransaction } from './db/transaction';
import { RESERVE_ACCOUNT, SEED_CUSTOMER_ACCOUNTS, SEED_CUSTOMER_BALANCE } from './seed-accounts';

const SEED_LOCK_KEY = 72_700_002;

/** Opens the seeded accounts that do not exist yet; returns the numbers it opened. */
export async function seedSandboxBank(databaseUrl: string): Promise<string[]> {
  const pool = createSandboxBankPool(databaseUrl, 1);
  try {
    return await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const wanted = [
        ...SEED_CUSTOMER_ACCOUNTS.map((a) => ({
          ...a,
          kind: 'CUSTOMER' as const,
          openingBalance: SEED_CUSTOMER_BALANCE,
        })),
        { ...RESERVE_ACCOUNT, kind: 'RESERVE' as const, openingBalance: 0n },
      ];
      const { rows } = await client.query<{ account_number: string }>(
        'SELECT account_number FROM sandbox_bank.accounts WHERE account_number = ANY($1)',
        [wanted.map((a) => a.accountNumber)],
      );
      const existing = new Set(rows.map((r) => r.account_number));
      const opened: string[] = [];
      for (const account of wanted) {
        if (existing.has(account.accountNumber)) continue;
        opened.push(await openAccountInTransaction(client, account));
      }
      // Holders seeded before the bank knew ID numbers and phones get theirs (once).
      for (const account of wanted) {
        await client.query(
          `UPDATE sandbox_bank.customers c SET id_number = $2, phone = $3 FROM sandbox_bank.accounts a
           WHERE a.customer_id = c.id AND a.account_number = $1 AND c.id_number IS NULL AND $2::text IS NOT NULL`,
          [account.accountNumber, account.idNumber, account.phone],
        );
      }
      return opened;
    });
  } finally {
    await pool.end();
  }
}
