import { describe, expect, it } from 'vitest';
import { sandboxBankEnabled } from './enabled';

describe('whether the sandbox bank is mounted', () => {
  it('follows SANDBOX_BANK_ENABLED, and is off by default only in production', () => {
    expect(sandboxBankEnabled({ SANDBOX_BANK_ENABLED: '1', NODE_ENV: 'production' })).toBe(true);
    expect(sandboxBankEnabled({ SANDBOX_BANK_ENABLED: '0', NODE_ENV: 'development' })).toBe(false);
    expect(sandboxBankEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(sandboxBankEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(sandboxBankEnabled({})).toBe(true);
  });
});
