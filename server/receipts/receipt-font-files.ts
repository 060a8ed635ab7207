// Which font file draws which character: Noto Sans SC from @fontsource/noto-sans-sc, which
// ships the font cut into ~100 small files by Unicode range (unicode.json). A receipt needs a
// few of them; pdf-lib then embeds only the glyphs used, so a receipt PDF stays a few KB.
// WOFF (zlib), not WOFF2: @pdf-lib/fontkit draws nothing from WOFF2 files (tried).
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans-sc');

type Slice = { name: string; ranges: [number, number][] };

let slices: Promise<Slice[]> | undefined;

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/** The slices, Latin first (so digits and letters come from one file), then the numbered ones. */
function loadSlices(): Promise<Slice[]> {
  slices ??= readFile(path.join(FONT_DIR, 'unicode.json'), 'utf8').then((text) => {
    const table = JSON.parse(text) as Record<string, string>;
    const all = Object.entries(table).map(([key, ranges]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: parseRanges(ranges),
    }));
    return [...all.filter((s) => s.name === 'latin'), ...all.filter((s) => s.name !== 'latin')];
  });
  return slices;
}

/** The name of the slice that has this character, or null when the font has none. */
export async function fontSliceFor(codePoint: number): Promise<string | null> {
  const found = (await loadSlices()).find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
  return found?.name ?? null;
}

export function readFontSlice(name: string): Promise<Buffer> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new TypeError(`Not a font slice: ${name}`);
  return readFile(path.join(FONT_DIR, 'files', `noto-sans-sc-${name}-400-normal.woff`));
}
