// A receipt signed with a fresh key, for unit tests of what is done with a signed receipt.
import { CompactSign, type JSONWebKeySet } from 'jose';
import { RECEIPT_JWS_TYPE, type ReceiptFile } from '../../../lib/receipts/receipt-document';
import { generateSigningKey } from '../../signing/generate-signing-key';
import { loadSigningKey } from '../../signing/signing-key';
import { buildReceipt, type ReceiptSource } from '../build-receipt';

export const SAMPLE_SOURCE: ReceiptSource = {
  operationId: '019af4c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d',
  type: 'PAYMENT',
  currency: 'CNY',
  amount: 12_345n,
  fee: 0n,
  net: -12_345n,
  holder: { kind: 'CUSTOMER', name: '*三', account: 'z***@example.com' },
  counterparty: { name: '示例商店', account: null },
  order: { merchantOrderNo: 'DEMO-20261207-0001', subject: '无线耳机 · 白色' },
  memo: null,
  createdAt: new Date('2026-12-07T15:59:58.123Z'),
  completedAt: new Date('2026-12-07T16:00:01.456Z'),
  ledgerEntryId: '019af4c2-7d20-7000-8000-000000000001',
  bankReference: null,
  balanceAfter: 87_655n,
};

export async function signedSample(
  source: ReceiptSource = SAMPLE_SOURCE,
): Promise<ReceiptFile & { keys: JSONWebKeySet }> {
  const key = await loadSigningKey(generateSigningKey());
  const receipt = buildReceipt(source);
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(receipt)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: RECEIPT_JWS_TYPE })
    .sign(key.privateKey);
  return { receipt, jws, keys: { keys: [key.publicJwk] } };
}

/** The same JWS with one fen added to the amount: the signature no longer matches. */
export function oneFenMore(jws: string): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const doc = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { amount: string };
  doc.amount = (BigInt(doc.amount) + 1n).toString();
  return [header, Buffer.from(JSON.stringify(doc)).toString('base64url'), signature].join('.');
}
