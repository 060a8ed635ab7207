// `npm run db:migrate [-- --database <name>]`: applies pending migrations from
// prisma/migrations (like `prisma migrate deploy`) to the app database — DATABASE_URL when
// set, otherwise the embedded server's `wallet` database (started for the run and stopped
// again unless it was already running).
import { parsePostgresUrl } from './db/database';
import { applyMigrations } from './db/migrate';
import { resolveDatabase } from './db/resolve-database';
import { runCli } from './lib/run-cli';

function usage(): never {
  console.error('usage: npm run db:migrate [-- --database <name>]');
  process.exit(2);
}

function parseArgs(argv: string[]): { databaseName?: string } {
  const out: { databaseName?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--database') out.databaseName = argv[++i] ?? usage();
    else if (arg.startsWith('--database=')) out.databaseName = arg.slice('--database='.length);
    else if (arg === '-h' || arg === '--help') usage();
    else usage();
  }
  return out;
}

function redact(url: string): string {
  const u = parsePostgresUrl(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const db = await resolveDatabase(args);
  try {
    console.log(`Database: ${redact(db.url)}${db.embedded ? ' (embedded)' : ''}`);
    const started = Date.now();
    const applied = await applyMigrations(db.url);
    if (applied.length === 0) {
      console.log('No pending migrations: the database is up to date.');
    } else {
      console.log(
        `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} in ${Date.now() - started} ms:`,
      );
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } finally {
    await db.stop();
  }
}

runCli('db:migrate', main);
