// The sandbox bank's API over real HTTP without Next: a tiny node:http server adapting
// IncomingMessage → Request → the bank's handler → ServerResponse. For integration tests
// (the bank's and the wallet's). Applies the bank's migrations and seed first (idempotent).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BASE_PATH, createSandboxBankApiHandler } from '../api/handle-sandbox-bank-api';
import { applySandboxBankMigrations } from '../db/migrate';
import { type BankPool, createSandboxBankPool } from '../db/pool';
import { DEV_CLIENT_SECRET, DEV_NOTICE_SECRET, DEV_OPERATOR_SECRET } from '../env';
import { startNoticeSender, type NoticeSender } from '../notices/start-notice-sender';
import { seedSandboxBank } from '../seed';

export type ServeSandboxBankOptions = {
  databaseUrl: string;
  /** Default: the dev default (what the wallet uses without env). */
  clientSecret?: string;
  noticeSecret?: string;
  /** Signs fault control (default: the tests' operator secret). */
  operatorSecret?: string;
  /** How long the TIMEOUT fault holds an answer (default 15 s as in API.md). */
  timeoutFaultMs?: number;
  /** Run the bank's worker (expiry, delayed payouts, notices) every `workerIntervalMs`; default off. */
  worker?: boolean;
  workerIntervalMs?: number;
};

export type ServedSandboxBank = {
  /** Base of the API, e.g. http://127.0.0.1:PORT/sandbox-bank/api */
  url: string;
  /** The bank's own pool, for calling its domain functions (authoriseDebit, deliverDueNotices…). */
  pool: BankPool;
  close(): Promise<void>;
};

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serveSandboxBank(options: ServeSandboxBankOptions): Promise<ServedSandboxBank> {
  await applySandboxBankMigrations(options.databaseUrl);
  await seedSandboxBank(options.databaseUrl);
  const pool = createSandboxBankPool(options.databaseUrl, 10);
  const handle = createSandboxBankApiHandler({
    pool,
    clientSecret: options.clientSecret ?? DEV_CLIENT_SECRET,
    operatorSecret: options.operatorSecret ?? DEV_OPERATOR_SECRET,
    ...(options.timeoutFaultMs !== undefined ? { timeoutFaultMs: options.timeoutFaultMs } : {}),
  });

  let origin = '';
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(handle)
      .then((response) => writeResponse(res, response))
      .catch((err: unknown) => {
        console.error('[sandbox-bank test server]', err);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let worker: NoticeSender | undefined;
  if (options.worker) {
    worker = startNoticeSender({
      pool,
      noticeSecret: options.noticeSecret ?? DEV_NOTICE_SECRET,
      ...(options.workerIntervalMs !== undefined ? { intervalMs: options.workerIntervalMs } : {}),
    });
  }

  return {
    url: `${origin}${API_BASE_PATH}`,
    pool,
    async close() {
      await worker?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
