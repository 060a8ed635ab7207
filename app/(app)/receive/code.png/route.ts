// 保存图片: the signed-in user's receive code as a PNG to keep or print (thin: who, which
// amount and memo — checked as the page checks them —, the image).
import QRCode from 'qrcode';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { appUrl } from '@/server/env';
import { errorBody, httpStatusForError, type ErrorBody } from '@/server/http/error-status';
import { activeReceiveCode } from '@/server/receive/receive-codes';
import { readReceiveLinkParams, receiveCodePath } from '@/server/receive/receive-link-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } } satisfies ErrorBody, {
      status: 401,
    });
  const search = new URL(request.url).searchParams;
  try {
    const params = readReceiveLinkParams({
      amount: search.getAll('amount').length > 1 ? search.getAll('amount') : (search.get('amount') ?? undefined),
      memo: search.getAll('memo').length > 1 ? search.getAll('memo') : (search.get('memo') ?? undefined),
    });
    const code = await activeReceiveCode(db(), user.id);
    const png = await QRCode.toBuffer(`${appUrl()}${receiveCodePath(code, params)}`, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      width: 600,
      color: { dark: '#111827ff', light: '#ffffffff' },
    });
    return new Response(new Uint8Array(png), {
      headers: {
        'Content-Type': 'image/png',
        'Content-Disposition': 'attachment; filename="receive-code.png"',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const status = httpStatusForError(error);
    if (status === 500) console.error('[receive code png] unexpected error', error);
    return Response.json(errorBody(error), { status });
  }
}
