// The optimistic path's planning (no database): which ops it takes, what it asks
// ledger_write_transfers to write, and what it leaves to ledger_apply.
import { describe, expect, it } from 'vitest';
import {
  buildJournalEntry,
  merchantBalanceCode,
  payFromBalancePostings,
  transferPostings,
  userWalletCode,
} from '@/ledger';
import { prepareLedgerOp, type SendableLedgerOp } from '../apply-ledger-ops';
import { accountKey, type KnownAccount } from '../known-accounts';
import { optimisticAmounts, planOptimisticCall, type OptimisticOp } from './optimistic-transfers';
import type { LedgerOp } from '../types';

function sendable(op: LedgerOp): SendableLedgerOp {
  const prepared = prepareLedgerOp(op);
  if (prepared.error !== undefined) throw prepared.error;
  return prepared;
}

const transfer = (from: string, to: string, amount: bigint) =>
  sendable({
    type: 'transfer',
    entry: buildJournalEntry({
      kind: 'TRANSFER',
      postings: transferPostings({ fromUserId: from, toUserId: to, amount, currency: 'CNY' }),
    }),
  });

function optimistic(op: SendableLedgerOp): OptimisticOp {
  const amounts = optimisticAmounts(op);
  if (amounts === null) throw new Error('not an optimistic op');
  return { op, amounts };
}

function account(
  code: string,
  id: string,
  balance: bigint,
  options: { wallet?: boolean; mayGoNegative?: boolean; pendingDebits?: bigint } = {},
): KnownAccount {
  return {
    id,
    code,
    currency: 'CNY',
    wallet: options.wallet ?? true,
    mayGoNegative: options.mayGoNegative ?? false,
    balance,
    pendingDebits: options.pendingDebits ?? 0n,
  };
}

function known(...accounts: KnownAccount[]): Map<string, KnownAccount> {
  return new Map(accounts.map((a) => [accountKey(a.code, a.currency), a]));
}

const ID = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('optimisticAmounts', () => {
  it('takes plain transfers without a key, accounts by code', () => {
    expect(optimisticAmounts(transfer('u1', 'u2', 5n))).toEqual([-5n, 5n]);
  });

  it('leaves keyed transfers, holds, hold changes and accounts by id to ledger_apply', () => {
    const keyed = sendable({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TRANSFER',
        postings: transferPostings({ fromUserId: 'u1', toUserId: 'u2', amount: 5n, currency: 'CNY' }),
        idempotencyKey: 'k-1',
      }),
    });
    const hold = sendable({
      type: 'hold',
      entry: buildJournalEntry({
        kind: 'TRANSFER',
        postings: transferPostings({ fromUserId: 'u1', toUserId: 'u2', amount: 5n, currency: 'CNY' }),
      }),
    });
    const byId = sendable({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TRANSFER',
        postings: [
          { accountId: ID(1), amount: -5n, currency: 'CNY' },
          { accountCode: userWalletCode('u2'), amount: 5n, currency: 'CNY' },
        ],
      }),
    });
    const post = sendable({ type: 'postHold', holdId: ID(9) });
    expect([keyed, hold, byId, post].map(optimisticAmounts)).toEqual([null, null, null, null]);
  });
});

describe('planOptimisticCall', () => {
  it('sums each account once, wallets first by id, and counts every posting back from the new row', () => {
    const a = account(userWalletCode('a'), ID(3), 1_000n);
    const b = account(userWalletCode('b'), ID(2), 0n);
    const m = account(merchantBalanceCode('m'), ID(1), 500n, { wallet: false });
    const pay = sendable({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'PAYMENT',
        postings: payFromBalancePostings({
          userId: 'a',
          merchantId: 'm',
          amount: 100n,
          merchantFee: 0n,
          currency: 'CNY',
        }),
      }),
    });
    const plan = planOptimisticCall(
      [optimistic(transfer('a', 'b', 300n)), optimistic(pay), optimistic(transfer('b', 'a', 50n))],
      known(a, b, m),
    );
    expect(plan.results.map((r) => r?.ok)).toEqual([true, true, true]);
    const [ids, dbal, dver, low, wallets, entries, , , , pEntry, pAccount, , pAmount, seqBack, balBack] = plan.params!;
    // lock order: the wallets (b, a by id), then the merchant
    expect(ids).toEqual([ID(2), ID(3), ID(1)]);
    expect(wallets).toBe(2);
    expect(dbal).toEqual(['250', '-350', '100']);
    expect(dver).toEqual(['2', '3', '1']);
    // a is debited by ops 1 and 2: its lowest running change is -400; b by op 3: -50 after +300
    expect(low).toEqual(['250', '-400', null]);
    expect((entries as string[]).length).toBe(3);
    expect(pEntry).toHaveLength(6);
    expect(pAccount).toEqual([ID(3), ID(2), ID(3), ID(1), ID(2), ID(3)]);
    expect(pAmount).toEqual(['-300', '300', '-100', '100', '-50', '50']);
    // a's three postings are steps 1..3 of 3: 2, 1, 0 back from the new version; balances -300, -400, -350 of -350
    expect(seqBack).toEqual(['2', '1', '1', '0', '0', '0']);
    expect(balBack).toEqual(['-50', '-50', '50', '0', '0', '0']);
    // the estimates move as the write will move the rows
    expect([a.balance, b.balance, m.balance]).toEqual([650n, 250n, 600n]);
    expect(plan.touched.sort()).toEqual(
      [accountKey(a.code, 'CNY'), accountKey(b.code, 'CNY'), accountKey(m.code, 'CNY')].sort(),
    );
  });

  it('leaves to ledger_apply an op the estimates say would be refused (pending debits count), and one naming an unknown account', () => {
    const poor = account(userWalletCode('poor'), ID(1), 100n, { pendingDebits: 40n });
    const rich = account(userWalletCode('rich'), ID(2), 1_000n);
    const plan = planOptimisticCall(
      [
        optimistic(transfer('poor', 'rich', 61n)),
        optimistic(transfer('rich', 'poor', 10n)),
        optimistic(transfer('rich', 'ghost', 5n)),
      ],
      known(poor, rich),
    );
    expect(plan.results.map((r) => (r === null ? null : r.ok))).toEqual([null, true, null]);
    expect(plan.params![0]).toEqual([ID(1), ID(2)]);
    expect(plan.params![1]).toEqual(['10', '-10']);
    expect([poor.balance, rich.balance]).toEqual([110n, 990n]);
  });

  it('an account that may go negative is never checked; nothing to write gives no parameters', () => {
    const reserve = account('platform:bank:reserve', ID(1), 0n, { wallet: false, mayGoNegative: true });
    const user = account(userWalletCode('u'), ID(2), 0n);
    const topUp = sendable({
      type: 'transfer',
      entry: buildJournalEntry({
        kind: 'TOP_UP',
        postings: [
          { accountCode: 'platform:bank:reserve', amount: -70n, currency: 'CNY' },
          { accountCode: userWalletCode('u'), amount: 70n, currency: 'CNY' },
        ],
      }),
    });
    const plan = planOptimisticCall([optimistic(topUp)], known(reserve, user));
    expect(plan.params![3]).toEqual([null, null]);
    expect(planOptimisticCall([optimistic(transfer('u', 'x', 500n))], known(user, reserve)).params).toBeNull();
  });
});
