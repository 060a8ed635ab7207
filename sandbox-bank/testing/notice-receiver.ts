// A local HTTP endpoint standing in for the wallet's notify_url in tests: records every
// notice with its Bank-Signature and answers with the status the test chooses.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedNotice = { body: string; json: any; signature: string | undefined; receivedAt: Date };

export type NoticeReceiver = {
  url: string;
  received: ReceivedNotice[];
  /** The HTTP status the next requests get (default 200). */
  respondWith(status: number): void;
  /** Waits until `count` notices arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedNotice[]>;
  close(): Promise<void>;
};

export async function startNoticeReceiver(): Promise<NoticeReceiver> {
  const received: ReceivedNotice[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // kept as text
      }
      const signature = req.headers['bank-signature'];
      received.push({
        body,
        json,
        signature: Array.isArray(signature) ? signature[0] : signature,
        receivedAt: new Date(),
      });
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bank-notices`;
  return {
    url,
    received,
    respondWith(s) {
      status = s;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} notices, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
