// The admin's views against real rows: merchant applications and their decisions, audit log
// search, journal entry search and detail, fee revenue per Shanghai day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  DEFAULT_CURRENCY,
  merchantBalanceCode,
  payFromBalancePostings,
  withdrawalPostings,
} from '@/ledger';
import { testDb } from '../../scripts/test/integration-db';
import { findAccount, getBalance, postTransfer } from '../stored-ledger';
import { searchAuditEvents } from './audit/search-audit-events';
import { getJournalEntryOrThrow } from './entries/get-journal-entry-or-throw';
import { searchJournalEntries } from './entries/search-journal-entries';
import { decideMerchantApplication } from './merchants/decide-merchant-application';
import { listMerchantApplications } from './merchants/list-merchant-applications';
import { getFeeRevenueByDay } from './revenue/get-fee-revenue-by-day';
import { createMerchantApplication, createUserWithRole, fundWallet } from './testing/admin-fixtures';
import { searchUsers } from './users/search-users';
import { setUserFrozen } from './users/set-user-frozen';

const db = testDb(8);
afterAll(() => db.$disconnect());

let admin: { id: string; email: string };
beforeAll(async () => {
  admin = await createUserWithRole(db, 'ADMIN', '审计管理员');
});

describe('users', () => {
  it('are found by part of the email or name, whatever the case, a page at a time', async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    const named = await createUserWithRole(db, 'CUSTOMER', `王${tag}五`);
    const byEmail = await db.user.update({
      where: { id: (await createUserWithRole(db, 'CUSTOMER')).id },
      data: { email: `${tag.toLowerCase()}@Example.com` },
    });
    const found = await searchUsers(db, admin.id, { q: tag.toUpperCase(), page: 1 });
    expect(found.items.map((u) => u.id).sort()).toEqual([named.id, byEmail.id].sort());
    expect(found.total).toBe(2);
    expect((await searchUsers(db, admin.id, { q: named.id, page: 1 })).items.map((u) => u.id)).toEqual([named.id]);
    expect((await searchUsers(db, admin.id, { q: `${tag}-none`, page: 1 })).total).toBe(0);
    // LIKE wildcards typed by the admin are literal characters, not patterns.
    expect((await searchUsers(db, admin.id, { q: `${tag}%`, page: 1 })).total).toBe(0);
    expect((await searchUsers(db, admin.id, { q: `${tag.slice(0, 2)}_${tag.slice(3)}`, page: 1 })).total).toBe(0);
    const underscored = await db.user.update({
      where: { id: (await createUserWithRole(db, 'CUSTOMER')).id },
      data: { email: `u_${tag.toLowerCase()}@example.com` },
    });
    expect((await searchUsers(db, admin.id, { q: `U_${tag}`, page: 1 })).items.map((u) => u.id)).toEqual([
      underscored.id,
    ]);
    for (let i = 0; i < 21; i++) await createUserWithRole(db, 'CUSTOMER', `分页${tag}${i}`);
    const page2 = await searchUsers(db, admin.id, { q: `分页${tag}`, page: 2 });
    expect([page2.total, page2.pageCount, page2.items.length]).toEqual([21, 2, 1]);
  });
});

describe('merchant applications', () => {
  it('list pending first; approving makes the user a merchant with a balance account; rejecting needs a note; both audited', async () => {
    const a = await createUserWithRole(db, 'CUSTOMER', '申请人甲');
    const b = await createUserWithRole(db, 'CUSTOMER', '申请人乙');
    const first = await createMerchantApplication(db, a.id, '甲的店');
    const second = await createMerchantApplication(db, b.id, '乙的店');
    const list = await listMerchantApplications(db, admin.id, { status: 'ALL', page: 1 });
    const statuses = list.items.map((m) => m.status);
    expect(statuses.indexOf('APPROVED') === -1 || statuses.lastIndexOf('PENDING') < statuses.indexOf('APPROVED')).toBe(
      true,
    );
    expect(list.pendingCount).toBeGreaterThanOrEqual(2);

    await decideMerchantApplication(db, { actorId: admin.id, merchantId: first, decision: 'APPROVE' });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe('MERCHANT');
    expect(await findAccount(db, merchantBalanceCode(first), DEFAULT_CURRENCY)).not.toBeNull();
    expect((await getBalance(db, merchantBalanceCode(first), DEFAULT_CURRENCY)).posted).toBe(0n);

    await expect(
      decideMerchantApplication(db, { actorId: admin.id, merchantId: second, decision: 'REJECT', note: ' ' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'note' });
    await decideMerchantApplication(db, {
      actorId: admin.id,
      merchantId: second,
      decision: 'REJECT',
      note: '营业执照不清晰',
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).role).toBe('CUSTOMER');
    expect((await db.merchant.findUniqueOrThrow({ where: { id: second } })).status).toBe('REJECTED');
    expect(await findAccount(db, merchantBalanceCode(second), DEFAULT_CURRENCY)).toBeNull();

    const approved = await db.auditEvent.findFirstOrThrow({ where: { targetId: first } });
    expect([approved.action, approved.before, approved.after]).toMatchObject([
      'merchant.approve',
      { status: 'PENDING', role: 'CUSTOMER' },
      { status: 'APPROVED', role: 'MERCHANT' },
    ]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { targetId: second } })).note).toBe('营业执照不清晰');
  });
});

describe('audit log search', () => {
  it('filters by actor email, action (or prefix), target id and Shanghai days; newest first', async () => {
    const other = await createUserWithRole(db, 'ADMIN', '另一位');
    const u = await createUserWithRole(db, 'CUSTOMER', '被审计');
    await setUserFrozen(db, { actorId: admin.id, userId: u.id, frozen: true, note: '一' });
    await setUserFrozen(db, { actorId: other.id, userId: u.id, frozen: false, note: '二' });
    const all = await searchAuditEvents(db, admin.id, { actor: '', action: '', targetId: u.id, page: 1 });
    expect(all.items.map((e) => e.action)).toEqual(['user.unfreeze', 'user.freeze']);
    expect(all.items[0]!.actorEmail).toBe(other.email);
    const mine = await searchAuditEvents(db, admin.id, {
      actor: admin.email.toUpperCase(),
      action: '',
      targetId: u.id,
      page: 1,
    });
    expect(mine.items.map((e) => e.action)).toEqual(['user.freeze']);
    expect((await searchAuditEvents(db, admin.id, { actor: '', action: 'user.', targetId: u.id, page: 1 })).total).toBe(
      2,
    );
    expect(
      (await searchAuditEvents(db, admin.id, { actor: '', action: 'user.freeze', targetId: u.id, page: 1 })).total,
    ).toBe(1);
    expect(
      (await searchAuditEvents(db, admin.id, { actor: 'nobody@example.com', action: '', targetId: '', page: 1 })).total,
    ).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000 * 2);
    expect(
      (await searchAuditEvents(db, admin.id, { actor: '', action: '', targetId: u.id, from: tomorrow, page: 1 })).total,
    ).toBe(0);
  });
});

describe('journal entries and fee revenue', () => {
  it('are found by kind, user, amount and id; the detail lists balanced postings; fees sum per day', async () => {
    const payer = await createUserWithRole(db, 'CUSTOMER', '付款人');
    const shopOwner = await createUserWithRole(db, 'CUSTOMER', '店主');
    const merchantId = await createMerchantApplication(db, shopOwner.id, '收款店');
    await decideMerchantApplication(db, { actorId: admin.id, merchantId, decision: 'APPROVE' });
    await fundWallet(db, payer.id, 100_000n);
    const revenueBefore = await getFeeRevenueByDay(db, admin.id, { days: 7 });
    const pay = await postTransfer(
      db,
      buildJournalEntry({
        kind: 'PAYMENT',
        postings: payFromBalancePostings({
          userId: payer.id,
          merchantId,
          amount: 12_345n,
          merchantFee: 75n,
          currency: DEFAULT_CURRENCY,
        }),
      }),
    );
    await postTransfer(
      db,
      buildJournalEntry({
        kind: 'WITHDRAWAL',
        postings: withdrawalPostings({ userId: payer.id, amount: 10_000n, fee: 10n, currency: DEFAULT_CURRENCY }),
      }),
    );

    const byUser = await searchJournalEntries(db, admin.id, { userEmail: payer.email.toUpperCase(), page: 1 });
    expect(byUser.items.map((e) => e.kind)).toEqual(['WITHDRAWAL', 'PAYMENT', 'TOP_UP']);
    const byMerchantUser = await searchJournalEntries(db, admin.id, { userEmail: shopOwner.email, page: 1 });
    expect(byMerchantUser.items.map((e) => e.id)).toEqual([pay.entryId]);
    const byAmount = await searchJournalEntries(db, admin.id, { amount: 12_345n, kind: 'PAYMENT', page: 1 });
    expect(byAmount.items.map((e) => e.id)).toContain(pay.entryId);
    expect(byAmount.items.find((e) => e.id === pay.entryId)!.amount).toBe(12_345n);
    expect((await searchJournalEntries(db, admin.id, { entryId: pay.entryId, page: 1 })).items).toHaveLength(1);
    expect((await searchJournalEntries(db, admin.id, { userEmail: 'nobody@example.com', page: 1 })).unknownUser).toBe(
      true,
    );

    const detail = await getJournalEntryOrThrow(db, admin.id, pay.entryId);
    expect(detail.postings.reduce((sum, p) => sum + p.amount, 0n)).toBe(0n);
    expect(detail.postings.map((p) => [p.accountCode, p.amount, p.owner?.userId ?? null])).toEqual([
      [`user:${payer.id}:wallet`, -12_345n, payer.id],
      ['platform:revenue:fees', 75n, null],
      [merchantBalanceCode(merchantId), 12_270n, shopOwner.id],
    ]);

    const revenue = await getFeeRevenueByDay(db, admin.id, { days: 7 });
    expect(revenue.days).toHaveLength(7);
    expect(revenue.total - revenueBefore.total).toBe(85n);
    expect((revenue.byKind.PAYMENT ?? 0n) - (revenueBefore.byKind.PAYMENT ?? 0n)).toBe(75n);
    expect(revenue.days.at(-1)!.total - revenueBefore.days.at(-1)!.total).toBe(85n);
  });
});

describe('notification deliveries', () => {
  it('list failures first, then retrying, then delivered; filter by status; counts per status', async () => {
    const { listWebhookDeliveries } = await import('./webhooks/list-webhook-deliveries');
    const owner = await createUserWithRole(db, 'MERCHANT', '通知商户');
    const merchantId = await createMerchantApplication(db, owner.id, '通知店');
    const make = (status: 'PENDING' | 'DELIVERED' | 'FAILED') =>
      db.webhookEvent.create({
        data: { merchantId, type: 'order.paid', url: 'http://127.0.0.1:9/n', payload: {}, status },
      });
    const delivered = await make('DELIVERED');
    const failed = await make('FAILED');
    const pending = await make('PENDING');
    const before = await listWebhookDeliveries(db, admin.id, { page: 1 });
    // Other test files of the run leave events too: walk the pages to see where ours sit.
    const listed: string[] = [];
    for (let page = 1; page <= 1 + Math.ceil(before.total / Math.max(1, before.items.length)); page += 1) {
      const { items } = await listWebhookDeliveries(db, admin.id, { page });
      if (items.length === 0) break;
      listed.push(...items.map((e) => e.id));
    }
    const ours = listed.filter((id) => [delivered.id, failed.id, pending.id].includes(id));
    expect(ours).toEqual([failed.id, pending.id, delivered.id]);
    expect(before.items[0]!.status).toBe('FAILED');
    expect(before.items.find((e) => e.id === failed.id)!.merchant.shopName).toBe('通知店');
    const onlyFailed = await listWebhookDeliveries(db, admin.id, { status: 'FAILED', page: 1 });
    expect(onlyFailed.items.every((e) => e.status === 'FAILED')).toBe(true);
    expect(onlyFailed.total).toBe(onlyFailed.counts.FAILED);
    expect(onlyFailed.items.map((e) => e.id)).toContain(failed.id);
  });
});
