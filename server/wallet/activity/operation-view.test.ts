import { describe, expect, it } from 'vitest';
import type { WalletOperation } from '../../generated/prisma/client';
import { toOperationView, type OperationWithParties } from './operation-view';

const customer = '0193a000-0000-7000-8000-000000000001';

function op(overrides: Partial<WalletOperation>, parties: Partial<OperationWithParties> = {}): OperationWithParties {
  return {
    id: '0193a000-0000-7000-8000-0000000000aa',
    userId: customer,
    kind: 'PAYMENT',
    status: 'SUCCEEDED',
    currency: 'CNY',
    amount: 8888n,
    fee: 0n,
    bankAccountId: null,
    counterpartyUserId: null,
    memo: '咖啡豆 ×2',
    orderId: '0193a000-0000-7000-8000-0000000000bb',
    merchantId: '0193a000-0000-7000-8000-0000000000cc',
    paymentMethod: 'BALANCE',
    bankReference: null,
    failureReason: null,
    ledgerEntryId: null,
    holdId: null,
    idempotencyKey: 'k',
    requestHash: 'h',
    createdAt: new Date('2026-11-26T02:00:00Z'),
    completedAt: null,
    ...overrides,
    user: { displayName: '张三' },
    bankAccount: null,
    order: { merchant: { shopName: '示例商店' } },
    ...parties,
  };
}

describe('toOperationView for merchant payments', () => {
  it('a balance payment is money out to the shop', () => {
    const view = toOperationView(op({}), customer, null);
    expect(view).toMatchObject({
      kind: 'PAYMENT',
      amount: -8888n,
      counterparty: '示例商店',
      paymentMethod: 'BALANCE',
      bankAccount: null,
    });
  });

  it('an online-banking payment names the shop and the bank account it came from', () => {
    const view = toOperationView(
      op(
        { paymentMethod: 'BANK', bankAccountId: 'x' },
        { bankAccount: { bankName: '招商银行', accountNumber: '6225880012341234' } },
      ),
      customer,
      null,
    );
    expect(view).toMatchObject({ counterparty: '示例商店', paymentMethod: 'BANK', bankAccount: '招商银行(1234)' });
  });

  it('money the bank paid for an order that could no longer be paid reads as money in', () => {
    const view = toOperationView(
      op(
        { paymentMethod: 'BANK' },
        {
          bankAccount: { bankName: '招商银行', accountNumber: '6225880012341234' },
          events: [{ type: 'CREDITED_TO_BALANCE' }],
        },
      ),
      customer,
      null,
    );
    expect(view).toMatchObject({ amount: 8888n, creditedToBalance: true, counterparty: '示例商店' });
    expect(toOperationView(op({}), customer, null).creditedToBalance).toBe(false);
  });

  it('a refund is money in from the shop', () => {
    const view = toOperationView(op({ kind: 'REFUND', amount: 4444n, paymentMethod: null }), customer, null);
    expect(view).toMatchObject({ kind: 'REFUND', amount: 4444n, counterparty: '示例商店', paymentMethod: null });
  });

  it("a payout is the merchant's money out to its settlement bank account", () => {
    const view = toOperationView(
      op(
        { kind: 'PAYOUT', amount: 10000n, fee: 200n, orderId: null, paymentMethod: null },
        { order: null, bankAccount: { bankName: '工商银行', accountNumber: '6222020000005678' } },
      ),
      customer,
      null,
    );
    expect(view).toMatchObject({
      kind: 'PAYOUT',
      amount: -10000n,
      fee: 200n,
      counterparty: '工商银行(5678)',
      bankAccount: null,
    });
  });
});

describe('toOperationView: what the balance sees', () => {
  it('a withdrawal takes amount and fee: total is −(amount + fee)', () => {
    const view = toOperationView(
      op({ kind: 'WITHDRAWAL', amount: 2000n, fee: 10n, orderId: null, paymentMethod: null }),
      customer,
      null,
    );
    expect(view).toMatchObject({ amount: -2000n, fee: 10n, total: -2010n, refundedAmount: 0n });
  });

  it('a top-up the customer cancelled at the bank is cancelled, an expired one closed, a declined one failed', () => {
    const topUp = (failureReason: string) =>
      toOperationView(op({ kind: 'TOP_UP', status: 'FAILED', failureReason, orderId: null }), customer, null).outcome;
    expect(topUp('CANCELLED')).toBe('CANCELLED');
    expect(topUp('EXPIRED')).toBe('CLOSED');
    expect(topUp('DECLINED')).toBe('FAILED');
  });

  it('the payment that paid its order carries what the shop refunded; another one (credited to the balance) does not', () => {
    const refunded = {
      order: { merchant: { shopName: '示例商店' }, refundedAmount: 4444n, paymentOperationId: op({}).id },
    };
    expect(toOperationView(op({}, refunded), customer, null).refundedAmount).toBe(4444n);
    const credited = toOperationView(
      op(
        { id: '0193a000-0000-7000-8000-0000000000ab', paymentMethod: 'BANK' },
        { ...refunded, events: [{ type: 'CREDITED_TO_BALANCE' }] },
      ),
      customer,
      null,
    );
    expect(credited).toMatchObject({ refundedAmount: 0n, total: 8888n });
  });

  it('the receiver of a transfer sees the amount in, with no fee', () => {
    const view = toOperationView(
      op({ kind: 'TRANSFER', userId: 'someone-else', fee: 5n, orderId: null, paymentMethod: null }),
      customer,
      null,
    );
    expect(view).toMatchObject({ kind: 'TRANSFER_IN', amount: 8888n, fee: 0n, total: 8888n });
  });
});
