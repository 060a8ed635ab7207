import { describe, expect, it } from 'vitest';
import { extractReceiptJws } from './extract-receipt-jws';

const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJhbW91bnQiOiIxIn0.c2lnbmF0dXJl';

describe('extractReceiptJws', () => {
  it('takes a pasted JWS, with the space around it', () => {
    expect(extractReceiptJws(`  ${JWS}\n`)).toEqual({ ok: true, source: 'jws', jws: JWS });
  });

  it('takes the JSON file, with its readable copy', () => {
    const file = new TextEncoder().encode(JSON.stringify({ receipt: { amount: '1' }, jws: JWS }));
    expect(extractReceiptJws(file)).toEqual({ ok: true, source: 'json', jws: JWS, copy: { amount: '1' } });
  });

  it('finds it in a PDF', () => {
    const pdf = new TextEncoder().encode(
      `%PDF-1.7\n1 0 obj\n<< /Title (x) /WalletReceiptJWS (${JWS}) >>\nendobj\n%%EOF`,
    );
    expect(extractReceiptJws(pdf)).toEqual({ ok: true, source: 'pdf', jws: JWS });
  });

  it.each([
    ['nothing', '', 'empty'],
    ['text that is no JWS', 'hello world', 'no-receipt'],
    ['broken JSON', '{"jws": ', 'no-receipt'],
    ['JSON without a JWS', '{"receipt": {}}', 'no-receipt'],
    ['a PDF without one', '%PDF-1.7\n%%EOF', 'no-receipt'],
  ])('says why for %s', (_name, input, reason) => {
    expect(extractReceiptJws(new TextEncoder().encode(input))).toEqual({ ok: false, reason });
  });
});
