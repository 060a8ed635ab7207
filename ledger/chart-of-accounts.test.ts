import { describe, expect, it } from 'vitest';
import {
  type AccountKind,
  type AccountType,
  ACCOUNT_KINDS,
  FEE_REVENUE_ACCOUNT,
  IN_TRANSIT_ACCOUNT,
  RESERVE_ACCOUNT,
  SUSPENSE_ACCOUNT,
  accountType,
  mayGoNegative,
  merchantBalanceCode,
  normalSide,
  parseAccountCode,
  userWalletCode,
} from './chart-of-accounts';
import { InvalidAccountCodeError } from './errors';

describe('account kinds', () => {
  it.each<[AccountKind, AccountType, 'DEBIT' | 'CREDIT', boolean]>([
    ['RESERVE', 'ASSET', 'DEBIT', true],
    ['IN_TRANSIT', 'ASSET', 'DEBIT', true],
    ['SUSPENSE', 'ASSET', 'DEBIT', true],
    ['USER_WALLET', 'LIABILITY', 'CREDIT', false],
    ['MERCHANT_BALANCE', 'LIABILITY', 'CREDIT', false],
    ['FEE_REVENUE', 'REVENUE', 'CREDIT', true],
  ])('%s is %s, %s-normal, mayGoNegative=%s', (kind, type, side, negative) => {
    expect(accountType(kind)).toBe(type);
    expect(normalSide(type)).toBe(side);
    expect(mayGoNegative(kind)).toBe(negative);
  });

  it('lists every kind once', () => {
    expect([...ACCOUNT_KINDS].sort()).toEqual(
      ['FEE_REVENUE', 'IN_TRANSIT', 'MERCHANT_BALANCE', 'RESERVE', 'SUSPENSE', 'USER_WALLET'].sort(),
    );
  });
});

describe('account codes', () => {
  it.each<[string, AccountKind, string | null]>([
    [RESERVE_ACCOUNT, 'RESERVE', null],
    [IN_TRANSIT_ACCOUNT, 'IN_TRANSIT', null],
    [FEE_REVENUE_ACCOUNT, 'FEE_REVENUE', null],
    [SUSPENSE_ACCOUNT, 'SUSPENSE', null],
    ['user:u1:wallet', 'USER_WALLET', 'u1'],
    ['user:0190b3a4-7c1e-7000-8000-000000000001:wallet', 'USER_WALLET', '0190b3a4-7c1e-7000-8000-000000000001'],
    ['merchant:m_42:balance', 'MERCHANT_BALANCE', 'm_42'],
  ])('parses %s', (code, kind, ownerId) => {
    expect(parseAccountCode(code)).toEqual({ code, kind, type: accountType(kind), ownerId });
  });

  it.each<[string]>([
    ['platform:bank:reserve'],
    ['platform:bank:in_transit'],
    ['platform:revenue:fees'],
    ['platform:suspense'],
  ])('platform code %s is exactly as in docs/design.md', (code) => {
    expect(parseAccountCode(code).ownerId).toBeNull();
  });

  it('builds owner codes', () => {
    expect(userWalletCode('u1')).toBe('user:u1:wallet');
    expect(merchantBalanceCode('m1')).toBe('merchant:m1:balance');
  });

  it.each<[string]>([
    [''],
    ['user::wallet'],
    ['user:u1'],
    ['user:u1:balance'],
    ['merchant:m1:wallet'],
    ['user:a:b:wallet'],
    ['user:u 1:wallet'],
    ['USER:u1:wallet'],
    ['platform:bank'],
    ['platform:bank:reserve:extra'],
    ['toString'],
    ['__proto__'],
    [`user:${'x'.repeat(129)}:wallet`],
  ])('refuses %j', (code) => {
    expect(() => parseAccountCode(code)).toThrow(InvalidAccountCodeError);
  });

  it.each<[string]>([[''], ['a:b'], ['a b'], ['ü'], ['x'.repeat(129)]])('refuses owner id %j', (id) => {
    expect(() => userWalletCode(id)).toThrow(InvalidAccountCodeError);
    expect(() => merchantBalanceCode(id)).toThrow(InvalidAccountCodeError);
  });
});
