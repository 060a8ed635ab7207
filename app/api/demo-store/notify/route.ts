// The demo store's notification endpoint (the notify_url it gives the wallet): the raw body
// and the Wallet-Signature header go to the receiver, which verifies before anything else.
import { demoStoreConfig } from '@/demo-store/config';
import { demoStorePool } from '@/demo-store/db/pool';
import { readLimitedBody } from '@/demo-store/notifications/read-limited-body';
import { receiveWalletNotification } from '@/demo-store/notifications/receive-notification';

const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const rawBody = await readLimitedBody(request, MAX_BODY_BYTES);
  if (rawBody === null)
    return Response.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'body over 64 KB' } }, { status: 413 });
  const result = await receiveWalletNotification(demoStorePool(), demoStoreConfig().webhookSecret, {
    rawBody,
    signatureHeader: request.headers.get('wallet-signature'),
    eventIdHeader: request.headers.get('wallet-event-id'),
  });
  return Response.json(result.body, { status: result.status });
}
