// The activity CSV (thin: who is asking, which days, one use case, its answer or error).
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { exportActivityCsv, type CsvLabels } from '@/server/wallet/activity/export-activity-csv';

export const dynamic = 'force-dynamic';

// The use case checks the dates themselves; this only bounds what reaches it.
const Query = z.object({ from: z.string().max(20).catch(''), to: z.string().max(20).catch('') });

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } satisfies ErrorBody, {
      status: 401,
    });
  const params = new URL(request.url).searchParams;
  const { from, to } = Query.parse({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  try {
    const csv = await exportActivityCsv(db(), user.id, from, to, await csvLabels());
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        // Safe to put in a header: the use case accepted both as YYYY-MM-DD.
        'Content-Disposition': `attachment; filename="activity-${from}-${to}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[activity export] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}

/** The file in the person's language (the same words as the activity page). */
async function csvLabels(): Promise<CsvLabels> {
  const t = await getTranslations('activity');
  const column = (key: keyof CsvLabels['header']) => t(`export.columns.${key}`);
  return {
    header: {
      time: column('time'),
      kind: column('kind'),
      status: column('status'),
      amount: column('amount'),
      fee: column('fee'),
      principal: column('principal'),
      counterparty: column('counterparty'),
      memo: column('memo'),
      reference: column('reference'),
    },
    kind: (kind) => t(`kinds.${kind}`),
    status: (outcome) => t(`statuses.${outcome}`),
  };
}
