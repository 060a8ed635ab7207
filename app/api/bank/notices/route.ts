// The bank's signed notices (thin: read the exact bytes, hand them to the use case).
import { env } from '@/server/env';
import { appDeps } from '@/server/core/deps-instance';
import { receiveBankNotice } from '@/server/bank/receive-bank-notice';
import { readBodyWithLimit } from '@/server/http/read-body-with-limit';

export async function POST(request: Request): Promise<Response> {
  const body = await readBodyWithLimit(request, 64 * 1024);
  if (body === null)
    return Response.json(
      { received: false, error: { code: 'TOO_LARGE', message: 'body over 64 KiB' } },
      { status: 413 },
    );
  const answer = await receiveBankNotice(
    await appDeps(),
    body,
    request.headers.get('bank-signature'),
    env().SANDBOX_BANK_NOTICE_SECRET,
  );
  return Response.json(answer.body, { status: answer.status });
}
