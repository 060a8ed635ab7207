// Every admin use case refuses a customer and a merchant (FORBIDDEN → HTTP 403) before it
// reads or writes anything, whichever page or action calls it; an admin gets through.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../scripts/test/integration-db';
import { httpStatusForError } from '../http/error-status';
import { createTestUser } from '../wallet/testing/wallet-fixtures';
import { searchAuditEvents, listAuditActions } from './audit/search-audit-events';
import { getJournalEntryOrThrow } from './entries/get-journal-entry-or-throw';
import { searchJournalEntries } from './entries/search-journal-entries';
import { decideMerchantApplication } from './merchants/decide-merchant-application';
import { listMerchantApplications } from './merchants/list-merchant-applications';
import { getFeeRevenueByDay } from './revenue/get-fee-revenue-by-day';
import { createMerchantApplication, createUserWithRole } from './testing/admin-fixtures';
import { getUserDetailOrThrow } from './users/get-user-detail-or-throw';
import { searchUsers } from './users/search-users';
import { setUserFrozen } from './users/set-user-frozen';
import { getWebhookDeliveryOrThrow } from './webhooks/get-webhook-delivery-or-throw';
import { listWebhookDeliveries } from './webhooks/list-webhook-deliveries';
import { replayWebhookDelivery } from './webhooks/replay-webhook-delivery';

const db = testDb(8);
afterAll(() => db.$disconnect());

let admin: { id: string };
let customer: { id: string };
let merchantUser: { id: string };
let target: { id: string };
let applicationId: string;
let frozenTarget: { id: string };
let webhookEventId: string;

beforeAll(async () => {
  admin = await createUserWithRole(db, 'ADMIN');
  customer = await createUserWithRole(db, 'CUSTOMER');
  merchantUser = await createUserWithRole(db, 'MERCHANT');
  target = await createUserWithRole(db, 'CUSTOMER', '目标用户');
  frozenTarget = await createUserWithRole(db, 'CUSTOMER', '已冻结用户');
  await db.user.update({ where: { id: frozenTarget.id }, data: { frozenAt: new Date() } });
  const applicant = await createUserWithRole(db, 'CUSTOMER', '申请人');
  applicationId = await createMerchantApplication(db, applicant.id);
  const merchantId = await createMerchantApplication(db, merchantUser.id, '商户的店');
  const event = await db.webhookEvent.create({
    data: {
      merchantId,
      type: 'order.paid',
      url: 'http://127.0.0.1:9/notify',
      payload: { id: 'evt', type: 'order.paid', created_at: 0, data: {} },
      status: 'FAILED',
    },
  });
  webhookEventId = event.id;
});

/** Each admin use case, called as `actorId`. */
function adminCalls(): [string, (actorId: string) => Promise<unknown>][] {
  return [
    ['searchUsers', (a) => searchUsers(db, a, { q: '', page: 1 })],
    ['getUserDetailOrThrow', (a) => getUserDetailOrThrow(db, a, target.id)],
    [
      'setUserFrozen (freeze)',
      (a) => setUserFrozen(db, { actorId: a, userId: target.id, frozen: true, note: '可疑交易' }),
    ],
    [
      'setUserFrozen (unfreeze)',
      (a) => setUserFrozen(db, { actorId: a, userId: frozenTarget.id, frozen: false, note: '核实完毕' }),
    ],
    ['listMerchantApplications', (a) => listMerchantApplications(db, a, { status: 'ALL', page: 1 })],
    [
      'decideMerchantApplication (approve)',
      (a) => decideMerchantApplication(db, { actorId: a, merchantId: applicationId, decision: 'APPROVE' }),
    ],
    [
      'decideMerchantApplication (reject)',
      (a) =>
        decideMerchantApplication(db, { actorId: a, merchantId: applicationId, decision: 'REJECT', note: '资料不全' }),
    ],
    ['searchAuditEvents', (a) => searchAuditEvents(db, a, { actor: '', action: '', targetId: '', page: 1 })],
    ['listAuditActions', (a) => listAuditActions(db, a)],
    ['searchJournalEntries', (a) => searchJournalEntries(db, a, { page: 1 })],
    ['getJournalEntryOrThrow', (a) => getJournalEntryOrThrow(db, a, randomUUID())],
    ['getFeeRevenueByDay', (a) => getFeeRevenueByDay(db, a, { days: 30 })],
    ['listWebhookDeliveries', (a) => listWebhookDeliveries(db, a, { page: 1 })],
    ['getWebhookDeliveryOrThrow', (a) => getWebhookDeliveryOrThrow(db, a, webhookEventId)],
    [
      'replayWebhookDelivery',
      (a) => replayWebhookDelivery({ db, timeoutMs: 500 }, { actorId: a, eventId: webhookEventId }),
    ],
  ];
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await call;
  } catch (error) {
    return { code: String((error as { code?: unknown }).code), status: httpStatusForError(error) };
  }
  return { code: 'ACCEPTED', status: 200 };
}

async function footprint() {
  const [users, merchants, audit, attempts] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [target.id, frozenTarget.id] } },
      select: { id: true, frozenAt: true, role: true },
      orderBy: { id: 'asc' },
    }),
    db.merchant.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true, decidedAt: true } }),
    db.auditEvent.count(),
    db.webhookAttempt.count({ where: { eventId: webhookEventId } }),
  ]);
  return { users, merchants, audit, attempts };
}

describe('admin use cases refuse non-admins', () => {
  for (const role of ['customer', 'merchant', 'unknown user'] as const) {
    it(`refuse a ${role} with FORBIDDEN (403) and change nothing`, async () => {
      const actorId = role === 'customer' ? customer.id : role === 'merchant' ? merchantUser.id : randomUUID();
      const before = await footprint();
      for (const [name, call] of adminCalls()) {
        expect({ name, ...(await refusal(call(actorId))) }).toEqual({ name, code: 'FORBIDDEN', status: 403 });
      }
      expect(await footprint()).toEqual(before);
    });
  }

  it('refuse an admin without two-step verification with TWO_FACTOR_REQUIRED (403) and change nothing', async () => {
    const unenrolled = await createTestUser(db, '未开启两步验证的管理员');
    await db.user.update({ where: { id: unenrolled.id }, data: { role: 'ADMIN' } });
    const before = await footprint();
    for (const [name, call] of adminCalls()) {
      expect({ name, ...(await refusal(call(unenrolled.id))) }).toEqual({
        name,
        code: 'TWO_FACTOR_REQUIRED',
        status: 403,
      });
    }
    expect(await footprint()).toEqual(before);
  });

  it('let an admin through (reads answer; writes happen and are audited)', async () => {
    const results = new Map<string, { code: string; status: number }>();
    for (const [name, call] of adminCalls()) results.set(name, await refusal(call(admin.id)));
    // Reads and first writes succeed; the second decision on one application is a conflict,
    // an unknown entry is not found, and a replay to a closed port still makes an attempt.
    expect(results.get('searchUsers')!.code).toBe('ACCEPTED');
    expect(results.get('setUserFrozen (freeze)')!.code).toBe('ACCEPTED');
    expect(results.get('setUserFrozen (unfreeze)')!.code).toBe('ACCEPTED');
    expect(results.get('decideMerchantApplication (approve)')!.code).toBe('ACCEPTED');
    expect(results.get('decideMerchantApplication (reject)')).toEqual({
      code: 'MERCHANT_ALREADY_DECIDED',
      status: 409,
    });
    expect(results.get('getJournalEntryOrThrow')).toEqual({ code: 'NOT_FOUND', status: 404 });
    expect(results.get('replayWebhookDelivery')!.code).toBe('ACCEPTED');
    for (const name of [
      'getUserDetailOrThrow',
      'listMerchantApplications',
      'searchAuditEvents',
      'listAuditActions',
      'searchJournalEntries',
      'getFeeRevenueByDay',
      'listWebhookDeliveries',
      'getWebhookDeliveryOrThrow',
    ]) {
      expect({ name, ...results.get(name) }).toMatchObject({ name, code: 'ACCEPTED' });
    }
    const actions = (await db.auditEvent.findMany({ where: { actorId: admin.id }, select: { action: true } }))
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(['merchant.approve', 'user.freeze', 'user.unfreeze', 'webhook.replay']);
  });
});
