import { describe, expect, it } from 'vitest';
import { notificationMessage } from './notification-message';

describe('notificationMessage', () => {
  it('formats the amount and masks the sender', () => {
    expect(
      notificationMessage('TRANSFER_RECEIVED', { amount: '1000', currency: 'CNY', from: '张三' }, 'zh-CN'),
    ).toEqual({
      key: 'TRANSFER_RECEIVED',
      amount: '¥10.00',
      fee: null,
      total: null,
      from: '*三',
      to: '—',
      reason: null,
      shop: '—',
      subject: '—',
    });
  });

  it('names the shop and the subject of a payment, and refunds', () => {
    expect(
      notificationMessage(
        'PAYMENT_SUCCEEDED',
        { amount: '8888', currency: 'CNY', shop: '示例商店', subject: '咖啡豆 ×2', orderId: 'x' },
        'zh-CN',
      ),
    ).toMatchObject({
      key: 'PAYMENT_SUCCEEDED',
      amount: '¥88.88',
      shop: '示例商店',
      subject: '咖啡豆 ×2',
    });
    expect(
      notificationMessage(
        'REFUND_RECEIVED',
        { amount: '4444', currency: 'CNY', shop: '示例商店', subject: '咖啡豆 ×2' },
        'en',
      ),
    ).toMatchObject({
      key: 'REFUND_RECEIVED',
      amount: '¥44.44',
      shop: '示例商店',
    });
  });

  it('tells a shipment without an amount', () => {
    expect(
      notificationMessage(
        'ORDER_SHIPPED',
        { shop: '示例商店', subject: '咖啡豆 ×2', carrier: '顺丰速运', trackingNumber: 'SF123', orderId: 'x' },
        'zh-CN',
      ),
    ).toEqual({
      key: 'ORDER_SHIPPED',
      shop: '示例商店',
      subject: '咖啡豆 ×2',
      carrier: '顺丰速运',
      trackingNumber: 'SF123',
    });
    expect(notificationMessage('ORDER_SHIPPED', { shop: '示例商店', subject: 'x' }, 'zh-CN')).toEqual({
      key: 'UNKNOWN',
    });
  });

  it('keeps the failure reason code for translation', () => {
    expect(
      notificationMessage('WITHDRAWAL_FAILED', { amount: '123456', currency: 'CNY', reason: 'DECLINED' }, 'en'),
    ).toMatchObject({
      key: 'WITHDRAWAL_FAILED',
      amount: '¥1,234.56',
      reason: 'DECLINED',
    });
  });

  it('shows what a withdrawal or payout took from the balance when the server wrote its fee', () => {
    expect(
      notificationMessage('WITHDRAWAL_PAID', { amount: '2000', fee: '10', currency: 'CNY' }, 'zh-CN'),
    ).toMatchObject({ key: 'WITHDRAWAL_PAID_WITH_FEE', amount: '¥20.00', fee: '¥0.10', total: '¥20.10' });
    expect(
      notificationMessage('PAYOUT_FAILED', { amount: '100000', fee: '100', currency: 'CNY', reason: 'X' }, 'en'),
    ).toMatchObject({ key: 'PAYOUT_FAILED_WITH_FEE', fee: '¥1.00', total: '¥1,001.00' });
    // Older messages have no fee; a fee on a kind that has none on top is not shown.
    expect(notificationMessage('WITHDRAWAL_PAID', { amount: '2000', currency: 'CNY' }, 'zh-CN')).toMatchObject({
      key: 'WITHDRAWAL_PAID',
      fee: null,
    });
    expect(
      notificationMessage('TOP_UP_CREDITED', { amount: '2000', fee: '10', currency: 'CNY' }, 'zh-CN'),
    ).toMatchObject({ key: 'TOP_UP_CREDITED', total: null });
  });

  it('a top-up or bank payment cancelled at the bank or expired reads as cancelled or closed, not failed', () => {
    const key = (kind: string, reason: string) =>
      notificationMessage(kind, { amount: '1200', currency: 'CNY', reason }, 'zh-CN').key;
    expect(key('TOP_UP_FAILED', 'CANCELLED')).toBe('TOP_UP_CANCELLED');
    expect(key('TOP_UP_FAILED', 'EXPIRED')).toBe('TOP_UP_CLOSED');
    expect(key('PAYMENT_FAILED', 'CANCELLED')).toBe('PAYMENT_CANCELLED');
    expect(key('PAYMENT_FAILED', 'EXPIRED')).toBe('PAYMENT_CLOSED');
    expect(key('TOP_UP_FAILED', 'DECLINED')).toBe('TOP_UP_FAILED');
  });

  it.each([
    ['SOMETHING_NEW', { amount: '1', currency: 'CNY' }],
    ['TOP_UP_CREDITED', { amount: '1.5', currency: 'CNY' }],
    ['TOP_UP_CREDITED', { amount: 100, currency: 'CNY' }],
    ['TOP_UP_CREDITED', { amount: '100', currency: 'XXX' }],
    ['TOP_UP_CREDITED', null],
  ])('falls back to a generic message for %s %j', (kind, params) => {
    expect(notificationMessage(kind, params, 'zh-CN')).toEqual({ key: 'UNKNOWN' });
  });

  it("masks the receiver of a transfer in the sender's notice", () => {
    expect(notificationMessage('TRANSFER_SENT', { amount: '888', currency: 'CNY', to: '李四' }, 'zh-CN')).toMatchObject(
      { key: 'TRANSFER_SENT', amount: '¥8.88', to: '*四', from: '—' },
    );
  });
});
