import { describe, expect, it } from 'vitest';
import { docsExamples } from './docs-examples';
import { BalanceObject, BalanceTransactionList, ErrorObject, OrderList, OrderObject, RefundObject } from './schemas';

describe('the docs examples', () => {
  const ex = docsExamples('http://localhost:3000');
  it('match the response schemas the API is described by', () => {
    for (const order of [ex.pendingOrder, ex.paidOrder, ex.shippedOrder, ex.closedOrder, ex.webhook.data.object])
      OrderObject.parse(order);
    RefundObject.parse(ex.refund);
    OrderList.parse(ex.orderList);
    BalanceObject.parse(ex.balance);
    BalanceTransactionList.parse(ex.balanceTransactions);
    expect(ErrorObject.parse(ex.error).error.field).toBe('amount');
  });

  it('add up: the payment line is amount − fee, the refund line is the refund', () => {
    expect(ex.balanceTransactions.data[1]!.amount).toBe(ex.paidOrder.amount - ex.paidOrder.fee);
    expect(ex.balanceTransactions.data[0]!.amount).toBe(-ex.refund.amount);
  });
});
