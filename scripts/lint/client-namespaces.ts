// Which message namespaces components use with useTranslations, and whether the browser is
// given them where they are used (lib/i18n/client-namespaces.ts): the core ones everywhere,
// an area's in that area's files. A namespace missing there shows its key instead of its text.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CLIENT_NAMESPACES, type ClientMessageArea } from '../../lib/i18n/client-namespaces';

const ROOTS = ['app', 'components', 'demo-store', 'sandbox-bank'];

/** The area a file belongs to, by where it lives; null for the core. */
export function areaOf(file: string): ClientMessageArea | null {
  if (/^(components\/admin|app\/\(app\)\/admin)\//.test(file)) return 'admin';
  if (/^(components\/merchant|app\/\(app\)\/merchant)\//.test(file)) return 'merchant';
  if (/^(components\/checkout|app\/pay)\//.test(file)) return 'checkout';
  if (/^(components\/receive|app\/\(app\)\/(receive|scan)|app\/\(pay-link\))\//.test(file)) return 'receive';
  if (/^(demo-store|app\/demo-store|components\/demo-store)\//.test(file)) return 'demoStore';
  if (/^(sandbox-bank|app\/sandbox-bank)\//.test(file)) return 'sandboxBank';
  if (/^(components\/receipts|app\/\(public\)\/verify)\//.test(file)) return 'receipts';
  if (/^(components\/liability-proof|app\/\(app\)\/me\/balance-proof)\//.test(file)) return 'balanceProof';
  return null;
}

export type NamespaceUse = { file: string; namespace: string | null };

/** Every useTranslations call: its top-level namespace, or null when it names none literally. */
export function namespaceUses(cwd = process.cwd()): NamespaceUse[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...ROOTS], {
    cwd,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const uses: NamespaceUse[] = [];
  for (const file of files) {
    const text = readFileSync(`${cwd}/${file}`, 'utf8');
    for (const match of text.matchAll(/\buseTranslations\(([^)]*)\)/g)) {
      const literal = /^\s*'([A-Za-z]+)(?:\.[A-Za-z.]+)?'\s*$/.exec(match[1]!);
      uses.push({ file, namespace: literal ? literal[1]! : null });
    }
  }
  return uses;
}

/** Uses whose namespace the browser is not given where the file is used. */
export function missingNamespaces(uses: NamespaceUse[]): string[] {
  return uses
    .filter(({ file, namespace }) => {
      if (namespace === null) return true;
      const area = areaOf(file);
      const given: readonly string[] = [...CLIENT_NAMESPACES.core, ...(area ? CLIENT_NAMESPACES[area] : [])];
      return !given.includes(namespace);
    })
    .map(({ file, namespace }) => `${file}: ${namespace ?? 'useTranslations without a literal namespace'}`);
}
