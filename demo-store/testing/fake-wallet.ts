// A stand-in for the wallet's merchant API in the store's integration tests: a real HTTP
// server that records each request (method, path, headers, body) and answers with what the
// test sets, so that the store's client is exercised over the wire.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
export type FakeAnswer = { status: number; body: unknown };

export type FakeWallet = {
  baseUrl: string;
  requests: RecordedRequest[];
  /** How to answer a request (the default: 500). */
  answer: (req: RecordedRequest) => FakeAnswer;
  close(): Promise<void>;
};

export async function startFakeWallet(): Promise<FakeWallet> {
  const fake = {
    requests: [] as RecordedRequest[],
    answer: (): FakeAnswer => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'unset' } } }),
  } as unknown as FakeWallet;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      fake.requests.push(recorded);
      const { status, body } = fake.answer(recorded);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

/** A contract-shaped order object. */
export function walletOrderJson(fields: {
  id: string;
  merchant_order_no: string;
  amount: number;
  status?: string;
  amount_refunded?: number;
  shipment?: unknown;
}) {
  const now = new Date().toISOString();
  return {
    object: 'order',
    currency: 'CNY',
    subject: '测试',
    status: 'PENDING',
    amount_refunded: 0,
    fee: 0,
    payment_method: null,
    checkout_url: `http://wallet.test/pay/${fields.id}`,
    notify_url: null,
    return_url: null,
    shipment: null,
    expires_at: now,
    paid_at: fields.status && fields.status !== 'PENDING' ? now : null,
    closed_at: null,
    created_at: now,
    ...fields,
  };
}
