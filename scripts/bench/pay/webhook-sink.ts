// Where the bench's merchants are told of payments: every order carries this notify_url, as a
// real merchant's does, so a payment writes its webhook event and delivery job and the server
// delivers it (the wallet signs and POSTs it; here a local server answers 200 at once).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebhookSink = { url: string; received(): number; close(): Promise<void> };

export async function startWebhookSink(): Promise<WebhookSink> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
