import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadGzipBytes, formatTable, gzipBytes, toKb } from './first-load-js';

describe('first-load JavaScript', () => {
  const big = Buffer.from('function f(){return 1}\n'.repeat(500));
  const small = Buffer.from('console.log(1)');

  it('counts gzip bytes, not the raw size', () => {
    expect(gzipBytes(big)).toBe(gzipSync(big, { level: 6 }).length);
    expect(gzipBytes(big)).toBeLessThan(big.length / 10);
  });

  it('counts each script once, however often it was fetched', () => {
    const once = firstLoadGzipBytes([{ url: '/a.js', body: big }]);
    expect(
      firstLoadGzipBytes([
        { url: '/a.js', body: big },
        { url: '/a.js', body: big },
      ]),
    ).toBe(once);
    expect(
      firstLoadGzipBytes([
        { url: '/a.js', body: big },
        { url: '/b.js', body: small },
      ]),
    ).toBe(once + gzipBytes(small));
  });

  it('prints one row per route with its budget verdict', () => {
    const table = formatTable([
      { route: '/', area: 'customer', kbGz: 120.04, scripts: 9, budgetKb: 180 },
      { route: '/admin', area: 'admin', kbGz: 190, scripts: 12, budgetKb: 180 },
      { route: '/demo', area: 'other', kbGz: 1, scripts: 1, budgetKb: null },
    ]);
    const [header, , home, admin, demo] = table.split('\n');
    expect(header).toMatch(/^route\s+area\s+KB gz\s+files\s+budget\s+ok$/);
    expect(home).toMatch(/^\/\s+customer\s+120\.0\s+9\s+180\s+ok$/);
    expect(admin).toMatch(/OVER$/);
    expect(demo).toMatch(/–\s+–$/);
    expect(toKb(2048)).toBe(2);
  });
});
