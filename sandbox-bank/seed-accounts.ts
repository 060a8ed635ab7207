// The sandbox bank's seeded accounts: a contract with the wallet's demo seed and e2e tests,
// which link the demo users to these numbers. Balances in minor units (fen).

export const SANDBOX_BANK_NAME = '沙箱银行';
export const SANDBOX_BANK_CURRENCY = 'CNY';

/** ¥10,000.00: what each seeded customer account holds when first opened. */
export const SEED_CUSTOMER_BALANCE = 1_000_000n;

/**
 * What the bank knows of each seeded holder: the ID number (居民身份证号, plausible, with a
 * valid check digit) and the phone on file. Like a payment network's published test cards,
 * they are no secret: binding a card also needs the code texted to that phone, which only the
 * bank's operator can read in the sandbox (app/sandbox-bank/phone).
 */
export const SANDBOX_ACCOUNTS = {
  zhangsan: {
    accountNumber: '6222000000000011',
    holderName: '张三',
    idNumber: '110101199003071233',
    phone: '13800000011',
  },
  lisi: { accountNumber: '6222000000000022', holderName: '李四', idNumber: '310104198511122342', phone: '13900000022' },
  demoStore: {
    accountNumber: '6222000000000033',
    holderName: '示例商店',
    idNumber: '440305199205213458',
    phone: '13700000033',
  },
  wangwu: {
    accountNumber: '6222000000000044',
    holderName: '王五',
    idNumber: '330106198808154560',
    phone: '13812341234',
  },
  zhaoliu: {
    accountNumber: '6222000000000055',
    holderName: '赵六',
    idNumber: '510107199502285677',
    phone: '13600000055',
  },
} as const;

/** The platform's reserve (custodial) account: debits land here, payouts leave from here. */
export const RESERVE_ACCOUNT = {
  accountNumber: '6222999900000001',
  holderName: '钱包平台备付金',
  idNumber: null,
  phone: '13000000001',
} as const;
export const RESERVE_ACCOUNT_NUMBER = RESERVE_ACCOUNT.accountNumber;

export const SEED_CUSTOMER_ACCOUNTS = Object.values(SANDBOX_ACCOUNTS);
