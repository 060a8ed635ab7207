import { describe, expect, it } from 'vitest';
import { lastFour, maskEmail, maskName } from './mask';

describe('masking', () => {
  it.each([
    ['张三', '*三'],
    ['王小明', '**明'],
    ['A', 'A'],
    ['', ''],
    ['𠮷野家', '**家'],
  ])('maskName(%j) = %j', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the last four digits of an account number', () => expect(lastFour('6222 0000 0000 0044')).toBe('0044'));

  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['@x.com', '***'],
    ['no-at', '***'],
  ])('maskEmail(%j) = %j', (email, masked) => expect(maskEmail(email)).toBe(masked));
});
