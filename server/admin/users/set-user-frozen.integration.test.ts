// Freezing a user stops every money operation of theirs at beginOperation (ACCOUNT_FROZEN,
// 403) with nothing written; unfreezing restores them. Each change is audited with
// before/after in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, userWalletCode } from '@/ledger';
import { testDb } from '../../../scripts/test/integration-db';
import { httpStatusForError } from '../../http/error-status';
import { getBalance } from '../../stored-ledger';
import { requestWithdrawal } from '../../wallet/operations/request-withdrawal';
import { transferToUser } from '../../wallet/operations/transfer-to-user';
import { TEST_PIN } from '../../wallet/testing/wallet-fixtures';
import {
  createUserWithRole,
  fundWallet,
  linkTestBankAccount,
  newKey,
  walletDepsWithoutBank,
} from '../testing/admin-fixtures';
import { getUserDetailOrThrow } from './get-user-detail-or-throw';
import { setUserFrozen } from './set-user-frozen';

const db = testDb(8);
const deps = walletDepsWithoutBank(db);
afterAll(() => db.$disconnect());

let admin: { id: string };
beforeAll(async () => {
  admin = await createUserWithRole(db, 'ADMIN', '管理员');
});

const balance = async (userId: string) => (await getBalance(db, userWalletCode(userId), DEFAULT_CURRENCY)).available;

async function errorOf(call: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await call;
  } catch (error) {
    return { code: String((error as { code?: unknown }).code), status: httpStatusForError(error) };
  }
  return { code: 'ACCEPTED', status: 200 };
}

async function footprint(userIds: string[]) {
  const [operations, entries, balances] = await Promise.all([
    db.walletOperation.count({ where: { userId: { in: userIds } } }),
    db.journalEntry.count(),
    Promise.all(userIds.map(balance)),
  ]);
  return { operations, entries, balances };
}

describe('freeze and unfreeze', () => {
  it('a frozen user cannot transfer or withdraw (ACCOUNT_FROZEN, 403, nothing changes); unfreezing restores both', async () => {
    const alice = await createUserWithRole(db, 'CUSTOMER', '爱丽丝');
    const bob = await createUserWithRole(db, 'CUSTOMER', '鲍勃');
    await fundWallet(db, alice.id, 50_000n);
    const bankAccountId = await linkTestBankAccount(db, alice.id);

    const frozen = await setUserFrozen(db, {
      actorId: admin.id,
      userId: alice.id,
      frozen: true,
      note: '  疑似盗用，暂停交易  ',
    });
    expect(frozen.frozenAt).toBeInstanceOf(Date);

    const before = await footprint([alice.id, bob.id]);
    const transfer = () =>
      transferToUser(deps, {
        userId: alice.id,
        recipientEmail: bob.email,
        amount: 1_000n,
        memo: null,
        idempotencyKey: newKey(),
        pin: TEST_PIN,
      });
    expect(await errorOf(transfer())).toEqual({ code: 'ACCOUNT_FROZEN', status: 403 });
    // The bank in deps throws if called: the withdrawal stops before any hold or bank request.
    const withdrawal = (amount: bigint) =>
      requestWithdrawal(deps, { userId: alice.id, amount, bankAccountId, pin: TEST_PIN, idempotencyKey: newKey() });
    expect(await errorOf(withdrawal(1_000n))).toEqual({ code: 'ACCOUNT_FROZEN', status: 403 });
    expect(await footprint([alice.id, bob.id])).toEqual(before);
    // The freeze stops money going out of the frozen wallet; others may still send to it.
    await fundWallet(db, bob.id, 500n);
    await transferToUser(deps, {
      userId: bob.id,
      recipientEmail: alice.email,
      amount: 500n,
      memo: null,
      idempotencyKey: newKey(),
      pin: TEST_PIN,
    });
    expect(await balance(alice.id)).toBe(50_500n);

    await setUserFrozen(db, { actorId: admin.id, userId: alice.id, frozen: false, note: '已核实本人' });
    const done = await transferToUser(deps, {
      userId: alice.id,
      recipientEmail: bob.email,
      amount: 1_000n,
      memo: null,
      idempotencyKey: newKey(),
      pin: TEST_PIN,
    });
    expect((await db.walletOperation.findUniqueOrThrow({ where: { id: done.operationId } })).status).toBe('SUCCEEDED');
    expect(await balance(alice.id)).toBe(49_500n);
    expect(await balance(bob.id)).toBe(1_000n);
    // Past the frozen check again: an over-balance withdrawal now fails on funds, not on the freeze.
    expect((await errorOf(withdrawal(60_000n))).code).toBe('INSUFFICIENT_FUNDS');

    const audit = await db.auditEvent.findMany({ where: { targetId: alice.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId, a.targetType, a.note])).toEqual([
      ['user.freeze', admin.id, 'user', '疑似盗用，暂停交易'],
      ['user.unfreeze', admin.id, 'user', '已核实本人'],
    ]);
    expect(audit[0]!.before).toEqual({ frozenAt: null });
    expect(audit[0]!.after).toEqual({ frozenAt: frozen.frozenAt!.toISOString() });
    expect(audit[1]!.before).toEqual({ frozenAt: frozen.frozenAt!.toISOString() });
    expect(audit[1]!.after).toEqual({ frozenAt: null });
    const detail = await getUserDetailOrThrow(db, admin.id, alice.id);
    expect(detail.frozenAt).toBeNull();
    expect(detail.wallet?.available).toBe(49_500n);
    expect(detail.recentAudit.map((a) => a.action)).toEqual(['user.unfreeze', 'user.freeze']);
  });

  it('needs a note, refuses freezing twice, unfreezing an active user and freezing an admin; nothing is written then', async () => {
    const carol = await createUserWithRole(db, 'CUSTOMER', '卡罗尔');
    const otherAdmin = await createUserWithRole(db, 'ADMIN', '另一位管理员');
    const auditBefore = await db.auditEvent.count();
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: carol.id, frozen: true, note: '   ' })),
    ).toEqual({ code: 'INVALID_INPUT', status: 422 });
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: carol.id, frozen: true, note: 'x'.repeat(501) })),
    ).toEqual({ code: 'INVALID_INPUT', status: 422 });
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: carol.id, frozen: false, note: '解冻' })),
    ).toEqual({ code: 'USER_NOT_FROZEN', status: 409 });
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: otherAdmin.id, frozen: true, note: '冻结' })),
    ).toEqual({ code: 'CANNOT_FREEZE_ADMIN', status: 422 });
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: 'not-a-uuid', frozen: true, note: '冻结' })),
    ).toEqual({ code: 'NOT_FOUND', status: 404 });
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: carol.id } })).frozenAt).toBeNull();

    await setUserFrozen(db, { actorId: admin.id, userId: carol.id, frozen: true, note: '冻结' });
    expect(
      await errorOf(setUserFrozen(db, { actorId: admin.id, userId: carol.id, frozen: true, note: '再次冻结' })),
    ).toEqual({ code: 'USER_ALREADY_FROZEN', status: 409 });
    expect(await db.auditEvent.count()).toBe(auditBefore + 1);
  });

  it('two admins freezing the same user at once: one succeeds, one is told it is already frozen', async () => {
    const dave = await createUserWithRole(db, 'CUSTOMER', '戴夫');
    const results = await Promise.allSettled([
      setUserFrozen(db, { actorId: admin.id, userId: dave.id, frozen: true, note: '一' }),
      setUserFrozen(db, { actorId: admin.id, userId: dave.id, frozen: true, note: '二' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe('USER_ALREADY_FROZEN');
    expect(await db.auditEvent.count({ where: { targetId: dave.id } })).toBe(1);
  });
});
