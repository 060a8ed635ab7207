import { describe, expect, it } from 'vitest';
import { notificationMessage } from './notification-message';

describe('notificationMessage', () => {
  it('formats the amount and masks the sender', () => {
    expect(
      notificationMessage('TRANSFER_RECEIVED', { amount: '1000', currency: 'CNY', from: '张三' }, 'zh-CN'),
    ).toEqual({
      key: 'TRANSFER_RECEIVED',
      amount: '¥10.00',
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
