// One transaction on one pooled client: COMMIT on return, ROLLBACK on throw. READ COMMITTED
// with explicit row locks (FOR UPDATE in a fixed order) is how the bank stays consistent.
import 'server-only';
import type { BankClient, BankPool } from './pool';

export async function inTransaction<T>(pool: BankPool, fn: (client: BankClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The SQLSTATE of a pg error, if any (23505 unique violation, 23514 check violation…). */
export function sqlStateOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
