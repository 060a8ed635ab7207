import { describe, expect, it } from 'vitest';
import { notificationMessage } from './notification-message';

describe('notificationMessage', () => {
  it('formats the amount and masks the sender', () => {
    expect(notificationMessage('TRANSFER_RECEIVED', { amount: '1000', currency: 'CNY', from: '张三' }, 'zh-CN')).toEqual({
      key: 'TRANSFER_RECEIVED',
      amount: '¥10.00',
      from: '*三',
      reason: null,
    });
  });

  it('keeps the failure reason code for translation', () => {
    expect(notificationMessage('WITHDRAWAL_FAILED', { amount: '123456', currency: 'CNY', reason: 'DECLINED' }, 'en')).toMatchObject({
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
});
