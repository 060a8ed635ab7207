// Property: whatever a person did, the activity's numbers are the ledger's. Generated histories
// of top-ups (some cancelled at the bank), withdrawals with their fee, transfers out and in,
// balance payments and (partial) refunds run through the real use cases against the sandbox bank
// over HTTP and real PostgreSQL; then every row's shown amount must equal what its journal entry
// did to the person's wallet account, operations that moved nothing must have moved nothing, and
// the month's totals (收入 − 支出 + 充值 − 提现) must equal the wallet's movements.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit, cancelDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import type { AppDeps } from '@/server/core/deps';
import type { Db } from '@/server/db';
import { newWebhookSecret } from '@/server/merchants/api-keys';
import { createOrder } from '@/server/orders/create-order';
import { payOrderFromBalance } from '@/server/orders/pay-order-from-balance';
import { refundOrder } from '@/server/orders/refund-order';
import { ensureAccount } from '@/server/stored-ledger';
import { expectLedgerInvariants } from '@/server/stored-ledger/testing/ledger-test-helpers';
import { listActivity } from '@/server/wallet/activity/list-activity';
import type { OperationView } from '@/server/wallet/activity/operation-view';
import { requestWithdrawal } from '@/server/wallet/operations/request-withdrawal';
import { startTopUp } from '@/server/wallet/operations/start-top-up';
import { transferToUser } from '@/server/wallet/operations/transfer-to-user';
import { startBankFlowHarness, type BankFlowHarness } from '@/server/wallet/testing/bank-flow-harness';
import { linkBankAccountThroughBank } from '@/server/wallet/testing/link-bank-account-through-bank';
import { createTestUser, TEST_PIN } from '@/server/wallet/testing/wallet-fixtures';
import { groupByMonth } from '../../../components/activity/month-groups';
import { loadMonthTotals } from './load-month-totals';

let db: Db;
let pool: BankPool;
let deps: AppDeps;
let harness: BankFlowHarness;
let merchantId: string;
let friend: Person;

type Person = { id: string; email: string; bankAccountId: string };

beforeAll(async () => {
  harness = await startBankFlowHarness('activity_numbers');
  ({ db, pool, deps } = harness);
  const owner = await createTestUser(db, '测试商户');
  const merchant = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: '测试商店',
      status: 'APPROVED',
      feeRateBps: 60,
      webhookSecret: newWebhookSecret(),
    },
  });
  await ensureAccount(db, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
  merchantId = merchant.id;
  friend = await person('李四');
  await topUp(friend, 5_000_000n, 'AUTHORISE');
});

afterEach(() => expectLedgerInvariants(db));

afterAll(() => harness?.close());

async function person(name: string): Promise<Person> {
  const user = await createTestUser(db, name);
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 10_000_000n });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  return { ...user, bankAccountId: linked.id };
}

/** Top-up through the bank's page: the customer authorises it with the code, or cancels it. */
async function topUp(p: Person, amount: bigint, answer: 'AUTHORISE' | 'CANCEL'): Promise<void> {
  const started = await startTopUp(deps, {
    userId: p.id,
    amount,
    bankAccountId: p.bankAccountId,
    idempotencyKey: randomUUID(),
  });
  if (started.next !== 'AUTHORISE') throw new Error(`expected the bank page: ${JSON.stringify(started)}`);
  const reference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
  if (answer === 'AUTHORISE') await authoriseDebit(pool, reference, await readDebitCode(pool, reference));
  else await cancelDebit(pool, reference);
  await deliverDueNotices(pool);
}

type Step =
  | { kind: 'topUp'; amount: bigint }
  | { kind: 'cancelledTopUp'; amount: bigint }
  | { kind: 'withdraw'; amount: bigint }
  | { kind: 'transferOut'; amount: bigint }
  | { kind: 'transferIn'; amount: bigint }
  | { kind: 'pay'; amount: bigint }
  | { kind: 'refund'; which: number; part: number };

const amount = fc.bigInt({ min: 1n, max: 200_000n });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('topUp' as const), amount }),
  fc.record({ kind: fc.constant('cancelledTopUp' as const), amount }),
  fc.record({ kind: fc.constant('withdraw' as const), amount }),
  fc.record({ kind: fc.constant('transferOut' as const), amount }),
  fc.record({ kind: fc.constant('transferIn' as const), amount }),
  fc.record({ kind: fc.constant('pay' as const), amount }),
  fc.record({ kind: fc.constant('refund' as const), which: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }),
);
// Money first, so that later steps have something to spend.
const history = fc
  .tuple(fc.bigInt({ min: 10_000n, max: 500_000n }), fc.array(step, { minLength: 2, maxLength: 8 }))
  .map(([first, rest]): Step[] => [{ kind: 'topUp', amount: first }, ...rest]);

/** Runs a step; one the balance cannot cover is refused by the use case and changes nothing. */
async function run(p: Person, s: Step, paid: { orderId: string; left: bigint }[]): Promise<void> {
  const key = randomUUID();
  try {
    switch (s.kind) {
      case 'topUp':
        return await topUp(p, s.amount, 'AUTHORISE');
      case 'cancelledTopUp':
        return await topUp(p, s.amount, 'CANCEL');
      case 'withdraw':
        await requestWithdrawal(deps, {
          userId: p.id,
          amount: s.amount,
          bankAccountId: p.bankAccountId,
          pin: TEST_PIN,
          idempotencyKey: key,
        });
        await deliverDueNotices(pool);
        return;
      case 'transferOut':
        await transferToUser(deps, {
          userId: p.id,
          recipientEmail: friend.email,
          amount: s.amount,
          memo: null,
          idempotencyKey: key,
          pin: TEST_PIN,
        });
        return;
      case 'transferIn':
        await transferToUser(deps, {
          userId: friend.id,
          recipientEmail: p.email,
          amount: s.amount,
          memo: null,
          idempotencyKey: key,
          pin: TEST_PIN,
        });
        return;
      case 'pay': {
        const order = await createOrder(db, {
          merchantId,
          merchantOrderNo: `P-${key}`,
          amount: s.amount,
          currency: DEFAULT_CURRENCY,
          subject: '咖啡豆',
          notifyUrl: 'https://shop.example/notify',
          returnUrl: 'https://shop.example/return',
          expiresInSeconds: 1_800,
        });
        await payOrderFromBalance(deps, { userId: p.id, orderId: order.id, pin: TEST_PIN, idempotencyKey: key });
        paid.push({ orderId: order.id, left: s.amount });
        return;
      }
      case 'refund': {
        const target = paid.filter((o) => o.left > 0n)[s.which % Math.max(1, paid.length)];
        if (!target) return;
        const refund = (target.left * BigInt(s.part) + 99n) / 100n;
        await refundOrder(deps, {
          merchantId,
          orderId: target.orderId,
          amount: refund,
          reason: null,
          idempotencyKey: key,
        });
        target.left -= refund;
        return;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'INSUFFICIENT_FUNDS' || code === 'LIMIT_EXCEEDED') return;
    throw error;
  }
}

/** What each journal entry did to the person's wallet account, from the account's own running balance. */
async function walletMovements(userId: string): Promise<{ byEntry: Map<string, bigint>; balance: bigint }> {
  const account = await db.ledgerAccount.findUniqueOrThrow({
    where: { code_currency: { code: userWalletCode(userId), currency: DEFAULT_CURRENCY } },
  });
  const postings = await db.ledgerPosting.findMany({
    where: { accountId: account.id, pending: false },
    orderBy: { accountSeq: 'asc' },
  });
  const byEntry = new Map<string, bigint>();
  let before = 0n;
  for (const posting of postings) {
    const after = posting.balanceAfter!;
    byEntry.set(posting.entryId, (byEntry.get(posting.entryId) ?? 0n) + (after - before));
    before = after;
  }
  return { byEntry, balance: account.balance };
}

async function allRows(userId: string): Promise<OperationView[]> {
  const rows: OperationView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivity(db, userId, {}, { cursor, limit: 7 }); // several pages
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

describe('the activity adds up to the ledger', () => {
  it('rows and month totals equal the wallet account’s movements, for generated histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (steps) => {
        const p = await person('张三');
        const paid: { orderId: string; left: bigint }[] = [];
        for (const s of steps) await run(p, s, paid);

        const rows = await allRows(p.id);
        const { byEntry, balance } = await walletMovements(p.id);
        const settled = rows.filter((r) => r.status === 'SUCCEEDED');

        // Each row that moved money shows exactly what its entry did to the wallet, fee included.
        for (const row of settled) expect(row.total, `${row.kind} ${row.id}`).toBe(byEntry.get(row.ledgerEntryId!));
        // Every movement of the wallet is one row's; nothing moved that the activity does not show.
        expect(new Set(settled.map((r) => r.ledgerEntryId))).toEqual(new Set(byEntry.keys()));
        // Cancelled top-ups read as cancelled and moved nothing.
        const cancelled = steps.filter((s) => s.kind === 'cancelledTopUp').length;
        const cancelledRows = rows.filter((r) => r.kind === 'TOP_UP' && r.outcome === 'CANCELLED');
        expect(cancelledRows).toHaveLength(cancelled);
        for (const row of cancelledRows) expect(row.ledgerEntryId).toBeNull();
        // The status filter speaks the same words: 已取消 finds them, 失败 does not.
        const filtered = async (status: 'CANCELLED' | 'FAILED') =>
          (await listActivity(db, p.id, { status }, { limit: 100 })).items.map((r) => r.id).sort();
        expect(await filtered('CANCELLED')).toEqual(cancelledRows.map((r) => r.id).sort());
        expect(await filtered('FAILED')).toEqual(
          rows
            .filter((r) => r.outcome === 'FAILED')
            .map((r) => r.id)
            .sort(),
        );
        // A withdrawal's row takes its fee too.
        for (const row of settled.filter((r) => r.kind === 'WITHDRAWAL')) expect(row.total).toBe(row.amount - row.fee);
        // A refunded payment says how much came back.
        for (const o of paid) {
          const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId } });
          const row = rows.find((r) => r.id === order.paymentOperationId)!;
          expect(row.refundedAmount).toBe(order.amount - o.left);
        }

        // The month totals (whole months, across pages) equal the wallet's movements in them.
        const months = groupByMonth(rows).map((g) => g.month);
        const totals = await loadMonthTotals(db, p.id, {}, months);
        let net = 0n;
        for (const month of months) {
          const t = totals.get(month)!;
          const inMonth = settled.filter((r) => groupByMonth([r])[0]!.month === month);
          const moved = inMonth.reduce((sum, r) => sum + byEntry.get(r.ledgerEntryId!)!, 0n);
          expect(t.income - t.expense + t.toppedUp - t.withdrawn).toBe(moved);
          // Money between the person's own card and wallet is apart from income and spending.
          const sum = (kinds: string[]) =>
            inMonth.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + r.total, 0n);
          expect(t.toppedUp).toBe(sum(['TOP_UP']));
          expect(t.withdrawn).toBe(-sum(['WITHDRAWAL']));
          expect(t.income).toBe(sum(['TRANSFER_IN', 'REFUND']));
          expect(t.expense).toBe(-sum(['TRANSFER_OUT', 'PAYMENT']));
          net += t.income - t.expense + t.toppedUp - t.withdrawn;
        }
        expect(net).toBe(balance);
      }),
      { numRuns: 6 },
    );
  });
});
