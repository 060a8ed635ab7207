// One transaction on one pooled client: COMMIT on return, ROLLBACK on throw.
import 'server-only';
import type { StoreClient, StorePool } from './pool';

export async function inStoreTransaction<T>(pool: StorePool, fn: (client: StoreClient) => Promise<T>): Promise<T> {
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
