// Test fixtures for the wallet's integration tests: users with wallets, and the wallet's
// notice endpoint served over real HTTP (the bank delivers to it as it would to the app).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import type { Db } from '../../db';
import { receiveBankNotice } from '../../bank/receive-bank-notice';
import type { CompletionDeps } from '../operations/completion-deps';
import { ensureAccount, ensurePlatformAccounts } from '../../stored-ledger';
import { hashPassword } from '../../auth/password';
import { newPinColumns } from '../../pin/set-payment-pin';

export const TEST_PASSWORD = 'correct horse battery staple';
/** Every test user's payment PIN unless made without one. */
export const TEST_PIN = '135790';
export const WRONG_TEST_PIN = '246813';
let passwordHash: Promise<string> | undefined;

export async function createTestUser(
  db: Db,
  name = '测试用户',
  options: { withPin?: boolean } = {},
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  await ensurePlatformAccounts(db, DEFAULT_CURRENCY);
  const email = `t-${randomUUID()}@example.com`;
  const pin = options.withPin === false ? {} : newPinColumns(TEST_PIN);
  const user = await db.user.create({ data: { email, displayName: name, passwordHash: await passwordHash, ...pin } });
  await ensureAccount(db, userWalletCode(user.id), DEFAULT_CURRENCY);
  return { id: user.id, email };
}

/**
 * The wallet's POST /api/bank/notices, served on a free port; `appUrl` is its origin. The deps
 * are read per request, since they usually need this server's origin themselves.
 */
export async function serveWalletNotices(
  deps: () => CompletionDeps,
  secret: string,
): Promise<{ appUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/api/bank/notices') {
          res.writeHead(404).end();
          return;
        }
        const header = req.headers['bank-signature'];
        const answer = await receiveBankNotice(
          deps(),
          Buffer.concat(chunks).toString('utf8'),
          typeof header === 'string' ? header : null,
          secret,
        );
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })().catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
