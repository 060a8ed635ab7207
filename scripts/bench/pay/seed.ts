// The bench's people, written straight into the database before anything is timed, through
// the product's own modules where they decide what a row holds: PIN hashes (server/pin),
// wallet and merchant accounts and the customers' funds (server/stored-ledger, a top-up
// posting each, so every invariant holds), sessions (server/auth/sessions) and API keys
// (server/merchants/api-keys). The browser's cookie is minted the way next-auth mints it.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import {
  DEFAULT_CURRENCY,
  buildJournalEntry,
  merchantBalanceCode,
  topUpPostings,
  userWalletCode,
  type Currency,
} from '../../../ledger/index';
import type { Db } from '../../../server/db';
import { hashPassword } from '../../../server/auth/password';
import { createSession, SESSION_MAX_AGE_SECONDS } from '../../../server/auth/sessions';
import { createApiKey, newWebhookSecret } from '../../../server/merchants/api-keys';
import { newPinColumns } from '../../../server/pin/set-payment-pin';
import { applyLedgerOps, ensureAccounts, ensurePlatformAccounts } from '../../../server/stored-ledger/index';
import { mapLimit } from '../../../lib/async/map-limit';

export const BENCH_PIN = '258036';
const CURRENCY: Currency = DEFAULT_CURRENCY;
/** ¥100,000 each: no payment, transfer or withdrawal of a run is refused for funds. */
const FUND = 10_000_000n;
/** next-auth's session cookie over plain http (the `__Secure-` name is for https only). */
export const SESSION_COOKIE = 'next-auth.session-token';

export type Customer = { id: string; email: string; cookie: string };
export type Merchant = { id: string; apiKey: string };

export async function seedCustomers(db: Db, count: number, nextAuthSecret: string): Promise<Customer[]> {
  await ensurePlatformAccounts(db, CURRENCY);
  const passwordHash = await hashPassword(randomUUID()); // nobody signs in with it
  const run = Date.now().toString(36);
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `bench-${run}-c${String(i).padStart(5, '0')}@example.com`,
    displayName: `顾客 ${i}`,
    passwordHash,
    emailVerifiedAt: new Date(),
    ...newPinColumns(BENCH_PIN),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.user.createMany({ data: rows.slice(i, i + 500) });
  const users = await db.user.findMany({
    where: { email: { startsWith: `bench-${run}-c` } },
    select: { id: true, email: true },
    orderBy: { email: 'asc' },
  });
  await ensureAccountsInChunks(
    db,
    users.map((u) => userWalletCode(u.id)),
  );
  for (let i = 0; i < users.length; i += 200) {
    const ops = users.slice(i, i + 200).map((u) => ({
      type: 'transfer' as const,
      entry: buildJournalEntry({
        kind: 'TOP_UP',
        postings: topUpPostings({ userId: u.id, amount: FUND, currency: CURRENCY }),
      }),
    }));
    const results = await applyLedgerOps(db, ops);
    const failed = results.find((r) => !r.ok);
    if (failed) throw new Error(`[bench] a top-up of the seed failed: ${JSON.stringify(failed)}`);
  }
  return mapLimit(users, 8, async (u) => {
    const sid = await createSession(db, u.id, { userAgent: 'bench:pay', ipAddress: '127.0.0.1' });
    const token = await encode({ token: { sub: u.id, sid }, secret: nextAuthSecret, maxAge: SESSION_MAX_AGE_SECONDS });
    return { id: u.id, email: u.email, cookie: `${SESSION_COOKIE}=${token}` };
  });
}

/** Approved merchants, each owned by a user of its own, with a balance account and a live API key. */
export async function seedMerchants(db: Db, count: number): Promise<Merchant[]> {
  const run = Date.now().toString(36);
  const passwordHash = await hashPassword(randomUUID());
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const owner = await db.user.create({
        data: {
          email: `bench-${run}-m${String(i).padStart(3, '0')}@example.com`,
          displayName: `商户 ${i}`,
          passwordHash,
          emailVerifiedAt: new Date(),
        },
      });
      const merchant = await db.merchant.create({
        data: {
          userId: owner.id,
          shopName: `压测商店 ${i}`,
          status: 'APPROVED',
          decidedAt: new Date(),
          webhookSecret: newWebhookSecret(),
        },
      });
      await ensureAccounts(db, [{ code: merchantBalanceCode(merchant.id), currency: CURRENCY }]);
      const key = await createApiKey(db, merchant.id, 'bench:pay');
      return { id: merchant.id, apiKey: key.secretKey };
    },
  );
}

async function ensureAccountsInChunks(db: Db, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += 500) {
    await ensureAccounts(
      db,
      codes.slice(i, i + 500).map((code) => ({ code, currency: CURRENCY })),
    );
  }
}

/** The baseline route's table: `count` rows with a balance that never runs out. */
export async function seedBaselineAccounts(db: Db, count: number): Promise<void> {
  await db.$executeRawUnsafe('CREATE TABLE bench_accounts (id integer PRIMARY KEY, balance bigint NOT NULL)');
  await db.$executeRawUnsafe(
    `INSERT INTO bench_accounts (id, balance) SELECT g, 1000000000 FROM generate_series(1, ${Math.floor(count)}) g`,
  );
}
