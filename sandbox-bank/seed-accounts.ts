// The sandbox bank's seeded accounts: a contract with the wallet's demo seed and e2e tests,
// which link the demo users to these numbers. Balances in minor units (fen).

export const SANDBOX_BANK_NAME = '沙箱银行';
export const SANDBOX_BANK_CURRENCY = 'CNY';

/** ¥10,000.00: what each seeded customer account holds when first opened. */
export const SEED_CUSTOMER_BALANCE = 1_000_000n;

export const SANDBOX_ACCOUNTS = {
  zhangsan: { accountNumber: '6222000000000011', holderName: '张三' },
  lisi: { accountNumber: '6222000000000022', holderName: '李四' },
  demoStore: { accountNumber: '6222000000000033', holderName: '示例商店' },
  wangwu: { accountNumber: '6222000000000044', holderName: '王五' },
  zhaoliu: { accountNumber: '6222000000000055', holderName: '赵六' },
} as const;

/** The platform's reserve (custodial) account: debits land here, payouts leave from here. */
export const RESERVE_ACCOUNT = { accountNumber: '6222999900000001', holderName: '钱包平台备付金' } as const;
export const RESERVE_ACCOUNT_NUMBER = RESERVE_ACCOUNT.accountNumber;

export const SEED_CUSTOMER_ACCOUNTS = Object.values(SANDBOX_ACCOUNTS);
