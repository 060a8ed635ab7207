// The signed-in person's proof of liabilities for one day, as a JSON file (thin: who is
// asking, which day and account, one use case, its answer).
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { getAccountProof } from '@/server/liability-proof/get-account-proof';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } satisfies ErrorBody, {
      status: 401,
    });
  const { date } = await params;
  const account = new URL(request.url).searchParams.get('account') === 'merchant' ? 'merchant' : 'wallet';
  try {
    const proof = await getAccountProof(db(), user.id, date.slice(0, 20), account);
    return new Response(JSON.stringify(proof, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        // Safe in a header: the use case accepted it as YYYY-MM-DD.
        'Content-Disposition': `attachment; filename="balance-proof-${proof.day}.json"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[balance proof] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}
