// Reading and writing the function files (`<dir>/<name>.sql`).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseFunction } from './catalog';
import { type FunctionSource, sourceDir } from './sources';

export interface FunctionFile {
  schema: string;
  /** The function's name: the file's name without `.sql`. */
  name: string;
  path: string;
  sql: string;
}

const FILE_NAME = /^([a-z_][a-z0-9_]*)\.sql$/;

export async function readFunctionFiles(source: FunctionSource, root?: string): Promise<FunctionFile[]> {
  const dir = sourceDir(source, root);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.sql')).sort();
  const files: FunctionFile[] = [];
  for (const fileName of names) {
    const name = FILE_NAME.exec(fileName)?.[1];
    if (name === undefined) throw new Error(`${path.join(source.dir, fileName)}: name it <function name>.sql`);
    const file = path.join(dir, fileName);
    files.push({ schema: source.schema, name, path: file, sql: await fs.readFile(file, 'utf8') });
  }
  return files;
}

/**
 * The file for a function name: a one-line header, then each overload's definition as the
 * database prints it, each ended by `;`. The header sits outside the definition, so it is
 * not part of what is compared.
 */
export function functionFileText(overloads: readonly DatabaseFunction[]): string {
  const first = overloads[0];
  if (!first) throw new Error('functionFileText: no definition');
  const header = `-- ${first.schema}.${first.name} ${HEADER_TAIL}\n`;
  return header + overloads.map((fn) => `${fn.definition.replace(/\s+$/, '')};\n`).join('\n');
}

const HEADER_TAIL =
  'as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.';

/** The file without the header functionFileText wrote (which would read oddly in a migration). */
export function withoutGeneratedHeader(sql: string): string {
  return sql.replace(/^-- \S+ (.*)\n/, (line, tail: string) => (tail === HEADER_TAIL ? '' : line));
}
