// One name per database client (server/db.ts: Db, Tx, DbClient). Prisma's own names for them
// appear nowhere else, so a new module cannot bring back a second vocabulary. Tests included.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Where the names are given, and this check, which has to spell Prisma's. */
const EXEMPT = ['server/db.ts', 'scripts/lint/database-client-names.ts'];
const PRISMA_NAMES = /\b(PrismaClient|TransactionClient)\b/;

export function findPrismaClientNames(cwd = process.cwd()): { scanned: string[]; found: string[] } {
  const scanned = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.(ts|tsx|mts|mjs)$/.test(file) && !file.includes('/generated/') && !EXEMPT.includes(file));
  const found = scanned.flatMap((file) =>
    readFileSync(`${cwd}/${file}`, 'utf8')
      .split('\n')
      .flatMap((line, i) => (PRISMA_NAMES.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  return { scanned, found };
}
