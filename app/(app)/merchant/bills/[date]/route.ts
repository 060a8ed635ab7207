// The merchant's daily bill as CSV (thin: who is asking, which day, one use case, its answer).
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { dailyBillCsv } from '@/server/merchants/daily-bill';
import { getMerchantSession } from '@/server/merchants/require-merchant';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } satisfies ErrorBody, {
      status: 401,
    });
  const session = await getMerchantSession(user);
  if (!session)
    return Response.json(
      { error: { code: 'FORBIDDEN', message: 'Only an approved merchant may download bills' } } satisfies ErrorBody,
      { status: 403 },
    );
  const { date } = await params;
  try {
    const csv = await dailyBillCsv(db(), session.merchant.id, date.slice(0, 20));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        // Safe in a header: the use case accepted it as YYYY-MM-DD.
        'Content-Disposition': `attachment; filename="bill-${date}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[merchant bill] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}
