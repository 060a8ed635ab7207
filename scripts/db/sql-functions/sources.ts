// Where the source file of each database function lives: one folder per schema the project
// owns, one `<function name>.sql` per function (every overload of a name in the same file).
// The file holds the function's current definition (`CREATE OR REPLACE FUNCTION …`, as
// pg_get_functiondef prints it); migrations apply it, sql-functions.integration.test.ts checks
// that the migrated database has exactly that text.
import path from 'node:path';
import { repoRoot } from '../embedded-postgres';

export interface FunctionSource {
  /** The schema whose functions the folder holds. */
  schema: string;
  /** The folder of `<name>.sql` files, relative to the repository. */
  dir: string;
  /** How a new migration for this schema is written. */
  migrations: { kind: 'prisma'; dir: string } | { kind: 'numbered'; dir: string };
}

export const FUNCTION_SOURCES: readonly FunctionSource[] = [
  // The wallet: migrations by Prisma (scripts/db/migrate.ts).
  { schema: 'public', dir: 'prisma/functions', migrations: { kind: 'prisma', dir: 'prisma/migrations' } },
  // The sandbox bank's books: its own NNN_name.sql migrations (sandbox-bank/db/migrate.ts).
  {
    schema: 'sandbox_bank',
    dir: 'sandbox-bank/functions',
    migrations: { kind: 'numbered', dir: 'sandbox-bank/migrations' },
  },
  // The demo store's tables: no functions so far; a new one gets its file here.
  { schema: 'demo_store', dir: 'demo-store/functions', migrations: { kind: 'numbered', dir: 'demo-store/migrations' } },
];

/**
 * Schemas whose functions are not the project's: pg-boss creates and migrates its own
 * (server/jobs/job-queue.ts). Any other schema with functions fails the drift test.
 */
export const SCHEMAS_NOT_OURS: readonly string[] = ['pgboss'];

/**
 * Functions in those schemas that have no file on purpose: the ledger migration creates
 * public.uuidv7() only on servers older than PostgreSQL 18 (which has it built in), so the
 * embedded server never has it and its text depends on the server.
 */
export const FUNCTIONS_WITHOUT_FILE: ReadonlySet<string> = new Set(['public.uuidv7']);

export function sourceDir(source: FunctionSource, root = repoRoot()): string {
  return path.join(root, source.dir);
}
