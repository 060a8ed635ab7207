// Bank notices are trusted only when proven (docs/security.md): forged, altered, replayed,
// duplicated, wrong-amount and unknown notices move no money; 100 concurrent copies of a
// true notice credit once. Every invariant of the ledger holds afterwards.
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import { testDatabaseUrl } from '../../scripts/test/test-database-url';
import { PgBossJobQueue, startPgBoss } from '../jobs/job-queue';
import type { CompletionDeps } from '../wallet/operations/completion-deps';
import { expectLedgerInvariants } from '../stored-ledger/testing/ledger-test-helpers';
import { getBalance } from '../stored-ledger';
import { signPayload } from '../../lib/signing/hmac-signature';
import { beginOperation } from '../wallet/operations/begin-operation';
import { inTransaction } from '../core/in-transaction';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { receiveBankNotice } from './receive-bank-notice';

const db = testDb(40);
const SECRET = 'test-notice-secret-0123456789-0123456789';
let boss: PgBoss;
let deps: CompletionDeps;

beforeAll(async () => {
  boss = await startPgBoss(testDatabaseUrl(), { supervise: false, schedule: false });
  deps = { db, jobs: new PgBossJobQueue(boss), appUrl: 'http://127.0.0.1:9' };
});

afterEach(() => expectLedgerInvariants(db));
afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  await db.$disconnect();
});

async function pendingTopUp(amount = 10_000n) {
  const user = await createTestUser(db);
  const { operation } = await inTransaction(db, (tx) =>
    beginOperation(tx, {
      userId: user.id,
      kind: 'TOP_UP',
      amount,
      currency: DEFAULT_CURRENCY,
      idempotencyKey: randomUUID(),
    }),
  );
  return { user, operation };
}

function noticeBody(reference: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `ntc_${randomUUID()}`,
    type: 'debit.succeeded',
    reference,
    bank_reference: `BR${Date.now()}`,
    amount: 10_000,
    currency: 'CNY',
    status: 'SUCCEEDED',
    failure_reason: null,
    occurred_at: new Date().toISOString(),
    ...overrides,
  });
}

const walletBalance = async (userId: string) => (await getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY)).posted;
const statusOf = async (id: string) => (await db.walletOperation.findUniqueOrThrow({ where: { id } })).status;

describe('bank notices', () => {
  it('a true notice credits the wallet once and is logged APPLIED', async () => {
    const { user, operation } = await pendingTopUp();
    const body = noticeBody(operation.id);
    const answer = await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET);
    expect(answer.status).toBe(200);
    expect(await walletBalance(user.id)).toBe(10_000n);
    expect(await statusOf(operation.id)).toBe('SUCCEEDED');
    const notification = await db.notification.findFirst({ where: { userId: user.id } });
    expect(notification?.kind).toBe('TOP_UP_CREDITED');
  });

  it.each([
    [
      'forged (another secret)',
      (body: string) => ({ body, header: signPayload(body, 'not-the-bank-secret-0123456789-012345') }),
    ],
    [
      'altered (a changed byte)',
      (body: string) => ({ body: body.replace('"amount":10000', '"amount":90000'), header: signPayload(body, SECRET) }),
    ],
    [
      'replayed (signed 6 minutes ago)',
      (body: string) => ({ body, header: signPayload(body, SECRET, Math.floor(Date.now() / 1000) - 360) }),
    ],
    [
      'from the future (6 minutes ahead)',
      (body: string) => ({ body, header: signPayload(body, SECRET, Math.floor(Date.now() / 1000) + 360) }),
    ],
    ['unsigned', (body: string) => ({ body, header: null })],
  ])('a %s notice moves no money, answers 400 and is logged', async (_name, make) => {
    const { user, operation } = await pendingTopUp();
    const { body, header } = make(noticeBody(operation.id));
    const answer = await receiveBankNotice(deps, body, header, SECRET);
    expect(answer.status).toBe(400);
    expect(await walletBalance(user.id)).toBe(0n);
    expect(await statusOf(operation.id)).toBe('PENDING');
    const logged = await db.bankNoticeLog.findFirst({ where: { body }, orderBy: { receivedAt: 'desc' } });
    expect(logged?.outcome).toBe('REJECTED');
    expect(logged?.reason).toMatch(/^SIGNATURE_/);
  });

  it('a duplicated notice is acknowledged and applied once', async () => {
    const { user, operation } = await pendingTopUp();
    const body = noticeBody(operation.id);
    const first = await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET);
    const second = await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await walletBalance(user.id)).toBe(10_000n);
    const outcomes = await db.bankNoticeLog.findMany({
      where: { reference: operation.id },
      orderBy: { receivedAt: 'asc' },
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(['APPLIED', 'DUPLICATE']);
  });

  it('a notice whose amount differs from the request is rejected (422), logged, and moves nothing', async () => {
    const { user, operation } = await pendingTopUp();
    const body = noticeBody(operation.id, { amount: 10_001 });
    const answer = await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET);
    expect(answer.status).toBe(422);
    expect(answer.body.error?.code).toBe('AMOUNT_MISMATCH');
    expect(await walletBalance(user.id)).toBe(0n);
    expect(await statusOf(operation.id)).toBe('PENDING');
    const logged = await db.bankNoticeLog.findFirst({ where: { reference: operation.id } });
    expect(logged).toMatchObject({ outcome: 'REJECTED', reason: 'AMOUNT_MISMATCH' });
  });

  it('a notice in another currency is rejected the same way', async () => {
    const { user, operation } = await pendingTopUp();
    const body = noticeBody(operation.id, { currency: 'USD' });
    expect((await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET)).status).toBe(422);
    expect(await walletBalance(user.id)).toBe(0n);
  });

  it.each([
    ['an unknown reference', () => randomUUID()],
    ['a reference that is not an id', () => "1' OR '1'='1"],
  ])('a notice for %s answers 404 and moves nothing', async (_name, reference) => {
    const body = noticeBody(reference());
    const answer = await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET);
    expect(answer.status).toBe(404);
  });

  it.each([
    ['not JSON', '{"id":'],
    ['a missing field', JSON.stringify({ id: 'x', type: 'debit.succeeded' })],
    ['a float amount', null],
    ['type and status that disagree', null],
  ])('a signed notice with %s answers 400', async (name, raw) => {
    const { user, operation } = await pendingTopUp();
    const body =
      raw ??
      (name === 'a float amount'
        ? noticeBody(operation.id, { amount: 100.5 })
        : noticeBody(operation.id, { type: 'debit.failed' }));
    expect((await receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET)).status).toBe(400);
    expect(await walletBalance(user.id)).toBe(0n);
  });

  it('a failure notice fails the top-up with its reason and moves nothing; a late success after it changes nothing', async () => {
    const { user, operation } = await pendingTopUp();
    const failed = noticeBody(operation.id, { type: 'debit.failed', status: 'FAILED', failure_reason: 'DECLINED' });
    expect((await receiveBankNotice(deps, failed, signPayload(failed, SECRET), SECRET)).status).toBe(200);
    const late = noticeBody(operation.id);
    expect((await receiveBankNotice(deps, late, signPayload(late, SECRET), SECRET)).status).toBe(200);
    const op = await db.walletOperation.findUniqueOrThrow({ where: { id: operation.id } });
    expect(op).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    expect(await walletBalance(user.id)).toBe(0n);
    const lateLog = await db.bankNoticeLog.findFirst({ where: { reference: operation.id, outcome: 'DUPLICATE' } });
    expect(lateLog?.reason).toBe('CONFLICTS_WITH_FINAL_STATUS');
  });

  it('100 concurrent copies of a notice credit once', async () => {
    const { user, operation } = await pendingTopUp();
    const body = noticeBody(operation.id);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => receiveBankNotice(deps, body, signPayload(body, SECRET), SECRET)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await walletBalance(user.id)).toBe(10_000n);
    const entries = await db.journalEntry.count({ where: { idempotencyKey: `operation:${operation.id}:settle` } });
    expect(entries).toBe(1);
    const applied = await db.bankNoticeLog.count({ where: { reference: operation.id, outcome: 'APPLIED' } });
    expect(applied).toBe(1);
  });
});
