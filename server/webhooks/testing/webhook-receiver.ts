// A merchant's notification endpoint for tests: a real HTTP server on a free port that
// records every request and answers as the test says (status, body, delay).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = { method: string; body: string; headers: IncomingHttpHeaders; atMs: number };
export type ReceiverAnswer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

export type WebhookReceiver = {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
};

/** `answer(n)` decides the reply to the n-th request (1-based). */
export async function startWebhookReceiver(answer: (n: number) => ReceiverAnswer): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
        atMs: Date.now(),
      });
      const reply = answer(requests.length);
      const send = () => {
        if (!res.destroyed)
          res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wallet/notify`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
