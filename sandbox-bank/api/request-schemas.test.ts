import { describe, expect, it } from 'vitest';
import { createPayoutSchema } from './request-schemas';

const valid = {
  reference: 'wd_01JD8Z',
  account_number: '6222000000000044',
  holder_name: ' 王五 ',
  amount: 8888,
  currency: 'CNY',
  notify_url: 'https://wallet.example/api/bank/notices',
};

describe('payout request schema', () => {
  it('parses amounts into bigint and trims names', () => {
    expect(createPayoutSchema.parse(valid)).toEqual({ ...valid, holder_name: '王五', amount: 8888n, description: '' });
  });

  it.each([0, -1, 1.5, 1e15 + 1, Number.MAX_SAFE_INTEGER + 2, Number.NaN, '8888', null])(
    'refuses amount %j',
    (amount) => {
      const r = createPayoutSchema.safeParse({ ...valid, amount });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['amount']);
    },
  );

  it('accepts the largest amount exactly', () => {
    expect(createPayoutSchema.parse({ ...valid, amount: 1e15 }).amount).toBe(1_000_000_000_000_000n);
  });
});
