// The standalone verifier, run as people run it: `node verifier/verify-receipt.mjs <file> --keys`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReceiptPdf } from '@/server/receipts/render-receipt-pdf';
import { oneFenMore, signedSample } from '@/server/receipts/testing/sample-receipt';

const run = promisify(execFile);
let dir: string;
let sample: Awaited<ReturnType<typeof signedSample>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'verify-receipt-'));
  sample = await signedSample();
  await writeFile(path.join(dir, 'keys.json'), JSON.stringify(sample.keys));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function verify(name: string, content: string | Uint8Array): Promise<{ code: number; out: string }> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  try {
    const { stdout } = await run(process.execPath, [
      'verifier/verify-receipt.mjs',
      file,
      '--keys',
      path.join(dir, 'keys.json'),
    ]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('verifier/verify-receipt.mjs', { timeout: 30_000 }, () => {
  it('verifies the JSON file, the PDF and a bare JWS', async () => {
    const { receipt, jws } = sample;
    for (const [name, content] of [
      ['receipt.json', JSON.stringify({ receipt, jws })],
      ['receipt.pdf', await renderReceiptPdf({ receipt, jws })],
      ['receipt.jws', jws],
    ] as const) {
      const result = await verify(name, content);
      expect(result, name).toMatchObject({ code: 0 });
      expect(result.out).toMatch(new RegExp(`^verified: receipt ${receipt.receiptNo}; PAYMENT of 123\\.45 CNY`));
    }
  });

  it('refuses one fen changed, in the signed payload, the readable copy or the PDF', async () => {
    const { receipt, jws } = sample;
    const changed = { ...receipt, amount: '12346' };
    const pdf = Buffer.from(await renderReceiptPdf({ receipt, jws })).toString('latin1');
    const cases = [
      ['jws.json', JSON.stringify({ receipt, jws: oneFenMore(jws) }), /signature does not match/],
      ['copy.json', JSON.stringify({ receipt: changed, jws }), /readable "receipt" in the file differs/],
      ['tampered.pdf', Buffer.from(pdf.replace(jws, oneFenMore(jws)), 'latin1'), /signature does not match/],
    ] as const;
    for (const [name, content, why] of cases) {
      const result = await verify(name, content);
      expect(result.code, name).toBe(1);
      expect(result.out).toMatch(/^not verified: /);
      expect(result.out).toMatch(why);
    }
  });

  it('refuses a receipt signed by a key it was not given', async () => {
    const other = await signedSample();
    const result = await verify('other.json', JSON.stringify({ receipt: other.receipt, jws: other.jws }));
    expect(result).toMatchObject({ code: 1, out: expect.stringMatching(/key the platform has not published/) });
  });
});
