// The sandbox bank's own migrations: sandbox-bank/migrations/NNN_name.sql in schema
// sandbox_bank, applied by the shared plain-SQL runner (lib/db/apply-sql-migrations.ts).
import path from 'node:path';
import { applySqlMigrations } from '../../lib/db/apply-sql-migrations';

// An arbitrary constant, distinct from the one Prisma's engine uses for its own lock.
const MIGRATION_LOCK_KEY = 72_700_001;

/** Where the .sql files live (the repo's sandbox-bank/migrations, from the working directory). */
export function sandboxBankMigrationsDir(): string {
  return path.resolve(process.cwd(), 'sandbox-bank', 'migrations');
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function applySandboxBankMigrations(
  databaseUrl: string,
  dir = sandboxBankMigrationsDir(),
): Promise<string[]> {
  return applySqlMigrations(databaseUrl, {
    schema: 'sandbox_bank',
    dir,
    lockKey: MIGRATION_LOCK_KEY,
    label: '[sandbox-bank]',
  });
}
