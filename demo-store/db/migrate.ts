// The demo store's own migrations: demo-store/migrations/NNN_name.sql in schema demo_store,
// applied by the shared plain-SQL runner (lib/db/apply-sql-migrations.ts).
import path from 'node:path';
import { applySqlMigrations } from '../../lib/db/apply-sql-migrations';

// Arbitrary, distinct from Prisma's lock and the sandbox bank's (72_700_001/2).
const MIGRATION_LOCK_KEY = 72_800_001;

export function demoStoreMigrationsDir(): string {
  return path.resolve(process.cwd(), 'demo-store', 'migrations');
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function applyDemoStoreMigrations(databaseUrl: string, dir = demoStoreMigrationsDir()): Promise<string[]> {
  return applySqlMigrations(databaseUrl, {
    schema: 'demo_store',
    dir,
    lockKey: MIGRATION_LOCK_KEY,
    label: '[demo-store]',
  });
}
