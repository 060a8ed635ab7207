// Which modules must start with `import 'server-only'`: those of server/, sandbox-bank/ and
// demo-store/ that touch the database, secrets (the environment) or the session directly.
// Next.js then refuses to build any client bundle that reaches them. A module touches the
// database when it imports the client or its types (a use case given `db: Db` queries it);
// the environment or the session only through a value import.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const ROOTS = ['server', 'sandbox-bank', 'demo-store'];

const TOUCHES: { why: string; pattern: RegExp }[] = [
  {
    why: 'the database',
    pattern: /^import [^;]*from '(pg|@prisma\/[^']+|[./@]*[^']*\/(db|db\/pool|pool|generated\/prisma\/client))';/m,
  },
  { why: 'the environment (secrets)', pattern: /^import (?!type )[^;]*from '[./@]*[^']*\/env';|process\.env\b/m },
  {
    why: 'the session',
    pattern: /^import (?!type )[^;]*from '(next-auth[^']*|next\/headers|[./@]*[^']*\/auth\/(current-user|sessions))';/m,
  },
];

const MARKER = /^import 'server-only';$/m;

export type ModuleCheck = { file: string; touches: string[]; marked: boolean };

function isCandidate(file: string): boolean {
  return (
    /\.tsx?$/.test(file) &&
    !/\.test\.ts$/.test(file) &&
    !file.includes('/testing/') &&
    !file.includes('/generated/') &&
    !file.endsWith('.d.ts')
  );
}

export function checkServerOnlyModules(cwd = process.cwd()): ModuleCheck[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...ROOTS], {
    cwd,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(isCandidate);
  return files.map((file) => {
    const text = readFileSync(`${cwd}/${file}`, 'utf8');
    const clientModule = /^['"]use client['"];?$/m.test(text);
    const touches = clientModule ? [] : TOUCHES.filter((t) => t.pattern.test(text)).map((t) => t.why);
    return { file, touches, marked: MARKER.test(text) };
  });
}
