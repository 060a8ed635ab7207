// notify_url under the production policy (WEBHOOK_ALLOW_PRIVATE_ADDRESSES=0). env() reads the
// variables at its first call, which comes from the first parse below; the variable is put
// back afterwards for the test files that run next in this worker.
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/domain-errors';
import { parseInputOrThrow } from './parse-input-or-throw';
import { CreateOrderRequest } from './schemas';

const before = process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES;
process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = '0';
afterAll(() => {
  if (before === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES;
  else process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = before;
});

const order = (notify_url: string) => ({ merchant_order_no: 'A-1', subject: '咖啡豆', amount: 100, notify_url });

describe('notify_url on private addresses refused (production)', () => {
  it.each([
    'http://127.0.0.1:8080/notify',
    'http://localhost/notify',
    'http://192.168.0.5/notify',
    'http://[fd00::1]/notify',
  ])('refuses %s naming notify_url', (url) => {
    let error: unknown;
    try {
      parseInputOrThrow(CreateOrderRequest, order(url));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('notify_url');
    expect((error as InvalidInputError).message).toMatch(/public address/);
  });

  it('accepts a public one', () => {
    expect(parseInputOrThrow(CreateOrderRequest, order('https://shop.example/notify')).notify_url).toBe(
      'https://shop.example/notify',
    );
  });
});
