import { describe, expect, it } from 'vitest';
import { balanceFromPostingSum } from './balance';
import { parseAccountCode } from './chart-of-accounts';
import { InvalidAmountError, InvalidEntryError, SelfTransferError } from './errors';
import { computeFee, MERCHANT_FEE, WITHDRAWAL_FEE } from './fees';
import { type EntryKind, type PostingInput, buildJournalEntry } from './journal-entry';
import { MAX_AMOUNT } from './money';
import {
  onlineBankingPostings,
  payFromBalancePostings,
  payoutPostings,
  refundPostings,
  refundToBankPostings,
  settleInTransitPostings,
  topUpPostings,
  transferPostings,
  withdrawalPostings,
} from './standard-flows';

// Flattens postings to "code amount" so tables read like docs/design.md (− debit, + credit).
const lines = (postings: PostingInput[]) => postings.map((posting) => `${posting.accountCode} ${posting.amount}`);

describe('standard flows (docs/design.md)', () => {
  it.each<[string, EntryKind, PostingInput[], string[]]>([
    [
      'top-up: D reserve, C wallet',
      'TOP_UP',
      topUpPostings({ userId: 'u1', amount: 10000n, currency: 'CNY' }),
      ['platform:bank:reserve -10000', 'user:u1:wallet 10000'],
    ],
    [
      'pay from balance: D wallet, C merchant (amount − fee), C fees',
      'PAYMENT',
      payFromBalancePostings({
        userId: 'u1',
        merchantId: 'm1',
        amount: 8888n,
        merchantFee: computeFee(8888n, MERCHANT_FEE),
        currency: 'CNY',
      }),
      ['user:u1:wallet -8888', 'merchant:m1:balance 8834', 'platform:revenue:fees 54'],
    ],
    [
      'pay from balance, zero fee: no fee line',
      'PAYMENT',
      payFromBalancePostings({ userId: 'u1', merchantId: 'm1', amount: 100n, merchantFee: 0n, currency: 'CNY' }),
      ['user:u1:wallet -100', 'merchant:m1:balance 100'],
    ],
    [
      'pay from balance, fee takes it all: no merchant line',
      'PAYMENT',
      payFromBalancePostings({
        userId: 'u1',
        merchantId: 'm1',
        amount: 1n,
        merchantFee: computeFee(1n, MERCHANT_FEE),
        currency: 'CNY',
      }),
      ['user:u1:wallet -1', 'platform:revenue:fees 1'],
    ],
    [
      'online banking: D reserve, C merchant, C fees',
      'ONLINE_BANKING_PAYMENT',
      onlineBankingPostings({ merchantId: 'm1', amount: 10000n, merchantFee: 60n, currency: 'CNY' }),
      ['platform:bank:reserve -10000', 'merchant:m1:balance 9940', 'platform:revenue:fees 60'],
    ],
    [
      'withdrawal: D wallet (amount + fee), C reserve, C fees',
      'WITHDRAWAL',
      withdrawalPostings({ userId: 'u1', amount: 10001n, fee: computeFee(10001n, WITHDRAWAL_FEE), currency: 'CNY' }),
      ['user:u1:wallet -10012', 'platform:bank:reserve 10001', 'platform:revenue:fees 11'],
    ],
    [
      'withdrawal via in_transit',
      'WITHDRAWAL',
      withdrawalPostings({ userId: 'u1', amount: 5000n, fee: 10n, currency: 'CNY', via: 'IN_TRANSIT' }),
      ['user:u1:wallet -5010', 'platform:bank:in_transit 5000', 'platform:revenue:fees 10'],
    ],
    [
      'withdrawal within free quota: no fee line',
      'WITHDRAWAL',
      withdrawalPostings({ userId: 'u1', amount: 5000n, fee: 0n, currency: 'CNY' }),
      ['user:u1:wallet -5000', 'platform:bank:reserve 5000'],
    ],
    [
      'merchant payout',
      'PAYOUT',
      payoutPostings({ merchantId: 'm1', amount: 100000n, fee: 100n, currency: 'CNY', via: 'IN_TRANSIT' }),
      ['merchant:m1:balance -100100', 'platform:bank:in_transit 100000', 'platform:revenue:fees 100'],
    ],
    [
      'in_transit settles against the reserve',
      'ADJUSTMENT',
      settleInTransitPostings({ amount: 100000n, currency: 'CNY' }),
      ['platform:bank:in_transit -100000', 'platform:bank:reserve 100000'],
    ],
    [
      'refund: D merchant, C wallet',
      'REFUND',
      refundPostings({ merchantId: 'm1', userId: 'u1', amount: 500n, currency: 'CNY' }),
      ['merchant:m1:balance -500', 'user:u1:wallet 500'],
    ],
    [
      'refund to bank: D merchant, C reserve',
      'REFUND',
      refundToBankPostings({ merchantId: 'm1', amount: 500n, currency: 'CNY' }),
      ['merchant:m1:balance -500', 'platform:bank:reserve 500'],
    ],
    [
      'transfer: D wallet A, C wallet B',
      'TRANSFER',
      transferPostings({ fromUserId: 'a', toUserId: 'b', amount: 1n, currency: 'USD' }),
      ['user:a:wallet -1', 'user:b:wallet 1'],
    ],
  ])('%s', (_label, kind, postings, expected) => {
    expect(lines(postings)).toEqual(expected);
    // Every standard flow is a valid, balanced entry.
    expect(buildJournalEntry({ kind, postings }).postings).toHaveLength(expected.length);
  });

  it('owner balances move the way people expect', () => {
    const postings = payFromBalancePostings({
      userId: 'u1',
      merchantId: 'm1',
      amount: 10000n,
      merchantFee: 60n,
      currency: 'CNY',
    });
    const balances = postings.map((posting) =>
      balanceFromPostingSum(parseAccountCode(posting.accountCode ?? '').kind, posting.amount),
    );
    expect(balances).toEqual([-10000n, 9940n, 60n]); // user −¥100, merchant +¥99.40, fees +¥0.60
  });
});

describe('standard flows refuse', () => {
  it.each<[string, () => unknown, new (...args: never[]) => Error]>([
    [
      'transfer to oneself',
      () => transferPostings({ fromUserId: 'a', toUserId: 'a', amount: 1n, currency: 'CNY' }),
      SelfTransferError,
    ],
    ['zero top-up', () => topUpPostings({ userId: 'u1', amount: 0n, currency: 'CNY' }), InvalidAmountError],
    [
      'negative transfer',
      () => transferPostings({ fromUserId: 'a', toUserId: 'b', amount: -1n, currency: 'CNY' }),
      InvalidAmountError,
    ],
    [
      'refund above MAX',
      () => refundPostings({ merchantId: 'm', userId: 'u', amount: MAX_AMOUNT + 1n, currency: 'CNY' }),
      InvalidAmountError,
    ],
    [
      'withdrawal amount + fee above MAX',
      () => withdrawalPostings({ userId: 'u1', amount: MAX_AMOUNT, fee: 1n, currency: 'CNY' }),
      InvalidAmountError,
    ],
    [
      'negative withdrawal fee',
      () => withdrawalPostings({ userId: 'u1', amount: 100n, fee: -1n, currency: 'CNY' }),
      InvalidEntryError,
    ],
    [
      'merchant fee above amount',
      () => payFromBalancePostings({ userId: 'u', merchantId: 'm', amount: 10n, merchantFee: 11n, currency: 'CNY' }),
      InvalidEntryError,
    ],
    [
      'negative merchant fee',
      () => onlineBankingPostings({ merchantId: 'm', amount: 10n, merchantFee: -1n, currency: 'CNY' }),
      InvalidEntryError,
    ],
  ])('%s', (_label, run, errorClass) => {
    expect(run).toThrow(errorClass);
  });
});
