import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractReceiptJws } from '@/lib/receipts/extract-receipt-jws';
import { verifyReceipt } from '@/lib/receipts/verify-receipt';
import { renderReceiptPdf } from './render-receipt-pdf';
import { oneFenMore, SAMPLE_SOURCE, signedSample } from './testing/sample-receipt';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

// A render takes 0.5–4 s on a busy 2-core machine (font slices parsed and subset each time).
describe('renderReceiptPdf', { timeout: 30_000 }, () => {
  it('carries the JWS, verifies as a file, and stays small with the Chinese font subset', async () => {
    const { receipt, jws, keys } = await signedSample();
    const pdf = await renderReceiptPdf({ receipt, jws });

    expect(extractReceiptJws(pdf)).toEqual({ ok: true, source: 'pdf', jws });
    expect(await verifyReceipt(pdf, keys)).toMatchObject({ ok: true, source: 'pdf', receipt });
    expect(pdf.length).toBeLessThan(60_000);

    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`电子回单 ${receipt.receiptNo}`);
    // Chinese is drawn with embedded Noto Sans SC subsets (glyph ids), not a font the reader may lack.
    const fontNames = latin1(pdf).match(/\/BaseFont \/[A-Za-z0-9+-]+/g) ?? [];
    expect(fontNames.some((name) => name.includes('NotoSansSC'))).toBe(true);
    expect(latin1(pdf)).toContain('/FontFile2');
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(info.get(PDFName.of('WalletReceiptJWS'))?.toString()).toBe(`(${jws})`);
  });

  it('renders the same bytes for the same receipt', async () => {
    const file = await signedSample();
    expect(Buffer.from(await renderReceiptPdf(file)).equals(Buffer.from(await renderReceiptPdf(file)))).toBe(true);
  });

  it('a copy with one fen changed in its JWS fails, and so does one carrying two receipts', async () => {
    const { receipt, jws, keys } = await signedSample();
    const pdf = latin1(await renderReceiptPdf({ receipt, jws }));
    const tampered = Buffer.from(pdf.replace(jws, oneFenMore(jws)), 'latin1');
    expect(await verifyReceipt(tampered, keys)).toEqual({ ok: false, reason: 'bad-signature' });

    const other = await signedSample({ ...SAMPLE_SOURCE, amount: 1n });
    const twice = Buffer.from(`${pdf}\n/WalletReceiptJWS (${other.jws})\n`, 'latin1');
    expect(await verifyReceipt(twice, keys)).toEqual({ ok: false, reason: 'several-receipts' });
  });

  it('wraps long text and prints characters the font lacks as "?", on more pages when needed', async () => {
    const memo = `${'很长的备注'.repeat(200)} 🎉`;
    const file = await signedSample({ ...SAMPLE_SOURCE, memo });
    const doc = await PDFDocument.load(await renderReceiptPdf(file));
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });
});
