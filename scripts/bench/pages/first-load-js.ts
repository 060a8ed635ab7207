// What a page costs in JavaScript on its first load: every script the browser fetched for it,
// counted as gzip bytes. Pure: the bench (scripts/bench/pages.ts) feeds it the bodies it saw.
import { gzipSync } from 'node:zlib';

export type LoadedScript = { url: string; body: Buffer };

/** Gzip level 6: what Next's own compression (and most servers' default) sends. */
export function gzipBytes(body: Buffer): number {
  return gzipSync(body, { level: 6 }).length;
}

/** The gzipped size of each script once (a script fetched twice is downloaded once from cache). */
export function firstLoadGzipBytes(scripts: readonly LoadedScript[]): number {
  const seen = new Map<string, number>();
  for (const s of scripts) if (!seen.has(s.url)) seen.set(s.url, gzipBytes(s.body));
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

export const toKb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export type RouteRow = { route: string; area: string; kbGz: number; scripts: number; budgetKb: number | null };

/** The printed table: route, area, KB gz, script files, budget, ok. */
export function formatTable(rows: readonly RouteRow[]): string {
  const header = ['route', 'area', 'KB gz', 'files', 'budget', 'ok'];
  const lines = rows.map((r) => [
    r.route,
    r.area,
    r.kbGz.toFixed(1),
    String(r.scripts),
    r.budgetKb === null ? '–' : String(r.budgetKb),
    r.budgetKb === null ? '–' : r.kbGz <= r.budgetKb ? 'ok' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
