// A merchant's e-receipt of a payment or refund of one of its orders, or of its payout:
// ?format=pdf or json. Anything not the merchant's own is 404, as an id that does not exist.
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/core/domain-errors';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { getMerchantSession } from '@/server/merchants/require-merchant';
import { loadMerchantReceiptSource } from '@/server/receipts/load-receipt-source';
import { parseReceiptFormat, receiptResponse } from '@/server/receipts/receipt-response';
import { signReceipt } from '@/server/receipts/signed-receipt';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } satisfies ErrorBody, {
      status: 401,
    });
  try {
    const format = parseReceiptFormat(new URL(request.url).searchParams.get('format'));
    const session = await getMerchantSession(user);
    if (!session) throw new NotFoundError('Receipt');
    const source = await loadMerchantReceiptSource(db(), session.merchant.id, (await params).id);
    return await receiptResponse(await signReceipt(source), format);
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[merchant receipt] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}
