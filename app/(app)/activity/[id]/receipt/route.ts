// A person's e-receipt of one of their completed operations: ?format=pdf or json. Someone
// else's operation is 404, as one that does not exist.
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { loadUserReceiptSource } from '@/server/receipts/load-receipt-source';
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
    const source = await loadUserReceiptSource(db(), user.id, (await params).id);
    return await receiptResponse(await signReceipt(source), format);
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[receipt] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}
