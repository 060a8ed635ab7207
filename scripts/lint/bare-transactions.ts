// Where a transaction is opened without inTransaction (server/core/in-transaction.ts), which
// retries the whole of it on serialization failures and deadlocks. Found with the TypeScript
// parser, so comments and strings do not count: any `x.$transaction(...)` or
// `x['$transaction'](...)` call. Tests may open their own; the sandbox bank and the demo store
// are other systems on their own pools and are not looked at.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

/** The helper itself, and the few that may not use it, each with why. */
export const ALLOWED: Readonly<Record<string, string>> = {
  'server/core/in-transaction.ts': 'the helper itself',
  'server/stored-ledger/check-invariants.ts':
    'a read-only REPEATABLE READ snapshot (nothing to retry), in the stored ledger that server/core builds on',
};

const OTHER_SYSTEMS = ['sandbox-bank/', 'demo-store/'];

export function isTestCode(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    file.startsWith('e2e/') ||
    file.startsWith('scripts/test/') ||
    file.includes('/testing/')
  );
}

/** Line numbers (1-based) of the `$transaction` calls in a source text. */
export function transactionCalls(text: string, fileName = 'file.ts'): number[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
          ? callee.argumentExpression.text
          : null;
      if (name === '$transaction') lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

export type BareTransaction = { file: string; line: number };

/** Every `$transaction` call of the project's own code outside ALLOWED and tests. */
export function findBareTransactions(cwd = process.cwd()): { scanned: string[]; found: BareTransaction[] } {
  const scanned = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(
      (file) =>
        /\.(ts|tsx|mts|mjs)$/.test(file) &&
        !file.endsWith('.d.ts') &&
        !file.includes('/generated/') &&
        !OTHER_SYSTEMS.some((dir) => file.startsWith(dir)) &&
        !isTestCode(file),
    );
  const found = scanned.flatMap((file) => {
    if (file in ALLOWED) return [];
    const text = readFileSync(`${cwd}/${file}`, 'utf8');
    // Parsed only when the name is there at all: parsing every file would take seconds.
    if (!text.includes('$transaction')) return [];
    return transactionCalls(text, file).map((line) => ({ file, line }));
  });
  return { scanned, found };
}
