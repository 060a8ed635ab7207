import { describe, expect, it } from 'vitest';
import { DEV_CLIENT_SECRET, DEV_NOTICE_SECRET, DEV_OPERATOR_SECRET, parseSandboxBankEnv } from './env';

describe('sandbox bank environment', () => {
  it('has development defaults the wallet shares', () => {
    expect(parseSandboxBankEnv({})).toEqual({
      clientSecret: DEV_CLIENT_SECRET,
      noticeSecret: DEV_NOTICE_SECRET,
      operatorSecret: DEV_OPERATOR_SECRET,
      databaseUrl: undefined,
    });
  });

  it('uses its own database URL before DATABASE_URL', () => {
    expect(parseSandboxBankEnv({ DATABASE_URL: 'postgres://a/w' }).databaseUrl).toBe('postgres://a/w');
    expect(
      parseSandboxBankEnv({ DATABASE_URL: 'postgres://a/w', SANDBOX_BANK_DATABASE_URL: 'postgres://b/bank' })
        .databaseUrl,
    ).toBe('postgres://b/bank');
  });

  it('refuses short secrets, and the development secrets in production', () => {
    expect(() => parseSandboxBankEnv({ SANDBOX_BANK_CLIENT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => parseSandboxBankEnv({ NODE_ENV: 'production' })).toThrow(/in production/);
    const secret = 'x'.repeat(40);
    const production = {
      NODE_ENV: 'production',
      SANDBOX_BANK_CLIENT_SECRET: secret,
      SANDBOX_BANK_NOTICE_SECRET: `${secret}y`,
    };
    // Without an operator secret of its own, a production bank would let anyone who read this repo set faults.
    expect(() => parseSandboxBankEnv(production)).toThrow(/SANDBOX_BANK_OPERATOR_SECRET/);
    expect(parseSandboxBankEnv({ ...production, SANDBOX_BANK_OPERATOR_SECRET: `${secret}z` })).toMatchObject({
      clientSecret: secret,
      operatorSecret: `${secret}z`,
    });
  });
});
