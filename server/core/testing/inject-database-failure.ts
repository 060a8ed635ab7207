// Makes PostgreSQL itself fail a table's writes with a chosen SQLSTATE (40001 serialization
// failure, 40P01 deadlock…) the first `times` times, so a test can watch a use case be
// retried by inTransaction. A statement trigger raises it; a sequence counts the statements
// that reached it (sequences ignore rollbacks, so the count survives the failed attempts).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db';

export type InjectedFailure = {
  /** How many write statements reached the table (failed and successful ones). */
  reached(): Promise<number>;
  remove(): Promise<void>;
};

export async function injectDatabaseFailure(
  db: Db,
  target: { table: string; on: 'INSERT' | 'UPDATE' | 'DELETE'; sqlState: string; times: number },
): Promise<InjectedFailure> {
  if (!/^[a-z_]+$/.test(target.table) || !/^[0-9A-Z]{5}$/.test(target.sqlState)) throw new Error('bad target');
  const name = `test_fail_${randomBytes(6).toString('hex')}`;
  await db.$executeRawUnsafe(`CREATE SEQUENCE ${name}_count`);
  await db.$executeRawUnsafe(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('${name}_count') <= ${Math.trunc(target.times)} THEN
        RAISE EXCEPTION 'injected by a test' USING ERRCODE = '${target.sqlState}';
      END IF;
      RETURN NULL;
    END $$`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE ${target.on} ON ${target.table} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
  );
  return {
    async reached() {
      const [row] = await db.$queryRawUnsafe<{ n: bigint; called: boolean }[]>(
        `SELECT last_value AS n, is_called AS called FROM ${name}_count`,
      );
      return row!.called ? Number(row!.n) : 0;
    },
    async remove() {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON ${target.table}`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
      await db.$executeRawUnsafe(`DROP SEQUENCE IF EXISTS ${name}_count`);
    },
  };
}
