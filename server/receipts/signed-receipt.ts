// A receipt with its signature, signed on demand: the document is rebuilt from the stored rows
// each time and Ed25519 is deterministic, so every download of a receipt carries the same JWS
// (until the platform key rotates; the old JWS still verifies against the published old key).
import 'server-only';
import { RECEIPT_JWS_TYPE, type ReceiptFile } from '../../lib/receipts/receipt-document';
import { signDocument } from '../signing/sign-document';
import { buildReceipt, type ReceiptSource } from './build-receipt';

export async function signReceipt(source: ReceiptSource): Promise<ReceiptFile> {
  const receipt = buildReceipt(source);
  return { receipt, jws: await signDocument(RECEIPT_JWS_TYPE, receipt) };
}
