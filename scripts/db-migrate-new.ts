// `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL from the migrations folder to prisma/schema.prisma, like
// `prisma migrate dev --create-only --name <name>`. Nothing is applied: review or extend the
// file (hand-written SQL is fine), then `npm run db:migrate`.
import path from 'node:path';
import fs from 'node:fs';
import { createMigration, destructiveChanges } from './db/migrate';
import { resolveDatabase } from './db/resolve-database';
import { runCli } from './lib/run-cli';

const NAME = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** What Prisma's CLI would turn the name into (slugify with `_`: decamelise, lowercase, _-join). */
function suggestedName(raw: string): string {
  return raw
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    fail('usage: npm run db:migrate:new -- <name>   (snake_case, e.g. add_wallet_accounts)');
  }
  const name = args[0] ?? '';
  if (!NAME.test(name) || name.length > 200) {
    const suggestion = suggestedName(name);
    fail(
      `Invalid migration name ${JSON.stringify(name)}: use lowercase snake_case (a-z, 0-9, single underscores), at most 200 characters.` +
        (suggestion && NAME.test(suggestion) ? ` Did you mean "${suggestion}"?` : ''),
    );
  }

  const db = await resolveDatabase();
  try {
    const file = await createMigration(db.url, name);
    if (file === null) {
      console.log('No schema changes: prisma/schema.prisma matches prisma/migrations. Nothing written.');
      return 0;
    }
    const relative = path.relative(process.cwd(), file);
    console.log(`Created ${relative}`);
    const risky = destructiveChanges(fs.readFileSync(file, 'utf8'));
    if (risky.length) {
      console.log('\nReview these statements: they can lose data or fail on a non-empty table:');
      for (const stmt of risky) console.log(`  - ${stmt.length > 160 ? `${stmt.slice(0, 157)}...` : stmt}`);
    }
    console.log('\nReview or extend it (hand-written SQL is fine), then run: npm run db:migrate');
    return 0;
  } finally {
    await db.stop();
  }
}

runCli('db:migrate:new', main);
