// A signed receipt as a download: the JSON file ({ receipt, jws }) or the PDF.
import 'server-only';
import type { ReceiptFile } from '../../lib/receipts/receipt-document';
import { InvalidInputError } from '../core/domain-errors';
import { renderReceiptPdf } from './render-receipt-pdf';

export type ReceiptFormat = 'pdf' | 'json';

/** `?format=pdf|json`; anything else is the client's mistake, named by its field. */
export function parseReceiptFormat(value: string | null): ReceiptFormat {
  if (value === 'pdf' || value === 'json') return value;
  throw new InvalidInputError('format', 'format must be pdf or json');
}

export async function receiptResponse(file: ReceiptFile, format: ReceiptFormat): Promise<Response> {
  // The receipt number is digits and hex letters only: safe in a header.
  const name = `receipt-${file.receipt.receiptNo}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' };
  if (format === 'json') {
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const pdf = await renderReceiptPdf(file);
  return new Response(Buffer.from(pdf), { headers: { ...headers, 'Content-Type': 'application/pdf' } });
}
