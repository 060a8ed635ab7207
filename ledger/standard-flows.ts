// The standard money movements of docs/design.md ("The flows as postings") (by account code).
// Feed the result to buildJournalEntry. Sign convention: + credit, − debit.
// Zero lines (a zero fee) are left out, since an entry refuses zero postings.
import {
  FEE_REVENUE_ACCOUNT,
  IN_TRANSIT_ACCOUNT,
  RESERVE_ACCOUNT,
  merchantBalanceCode,
  userWalletCode,
} from './chart-of-accounts';
import { InvalidAmountError, InvalidEntryError, SelfTransferError } from './errors';
import type { PostingInput } from './journal-entry';
import { type Currency, MAX_AMOUNT } from './money';

/** Where money leaving for the bank is credited: straight off the reserve, or in transit until the bank confirms. */
export type BankLeg = 'RESERVE' | 'IN_TRANSIT';

const debit = (accountCode: string, amount: bigint, currency: Currency): PostingInput => ({
  accountCode,
  amount: -amount,
  currency,
});
const credit = (accountCode: string, amount: bigint, currency: Currency): PostingInput => ({
  accountCode,
  amount,
  currency,
});

/** Top-up confirmed by the bank: D reserve, C user wallet. */
export function topUpPostings(args: { userId: string; amount: bigint; currency: Currency }): PostingInput[] {
  positive(args.amount);
  return [
    debit(RESERVE_ACCOUNT, args.amount, args.currency),
    credit(userWalletCode(args.userId), args.amount, args.currency),
  ];
}

/** Pay from balance: D user wallet (amount), C merchant (amount − fee), C fees (fee). */
export function payFromBalancePostings(args: {
  userId: string;
  merchantId: string;
  amount: bigint;
  merchantFee: bigint;
  currency: Currency;
}): PostingInput[] {
  positive(args.amount);
  feeWithin(args.merchantFee, args.amount);
  return withoutZeros([
    debit(userWalletCode(args.userId), args.amount, args.currency),
    credit(merchantBalanceCode(args.merchantId), args.amount - args.merchantFee, args.currency),
    credit(FEE_REVENUE_ACCOUNT, args.merchantFee, args.currency),
  ]);
}

/** Online-banking payment confirmed by the bank: D reserve, C merchant (amount − fee), C fees. */
export function onlineBankingPostings(args: {
  merchantId: string;
  amount: bigint;
  merchantFee: bigint;
  currency: Currency;
}): PostingInput[] {
  positive(args.amount);
  feeWithin(args.merchantFee, args.amount);
  return withoutZeros([
    debit(RESERVE_ACCOUNT, args.amount, args.currency),
    credit(merchantBalanceCode(args.merchantId), args.amount - args.merchantFee, args.currency),
    credit(FEE_REVENUE_ACCOUNT, args.merchantFee, args.currency),
  ]);
}

/**
 * Withdrawal confirmed by the bank (the posting of the amount + fee hold):
 * D wallet (amount + fee), C reserve or in_transit (amount), C fees (fee).
 */
export function withdrawalPostings(args: {
  userId: string;
  amount: bigint;
  fee: bigint;
  currency: Currency;
  via?: BankLeg | undefined;
}): PostingInput[] {
  return outToBank(userWalletCode(args.userId), args);
}

/** Merchant payout to its bank account: D merchant balance (amount + fee), C reserve or in_transit, C fees. */
export function payoutPostings(args: {
  merchantId: string;
  amount: bigint;
  fee: bigint;
  currency: Currency;
  via?: BankLeg | undefined;
}): PostingInput[] {
  return outToBank(merchantBalanceCode(args.merchantId), args);
}

/** The bank statement shows a payout left the reserve: D in_transit, C reserve. */
export function settleInTransitPostings(args: { amount: bigint; currency: Currency }): PostingInput[] {
  positive(args.amount);
  return [debit(IN_TRANSIT_ACCOUNT, args.amount, args.currency), credit(RESERVE_ACCOUNT, args.amount, args.currency)];
}

/** Refund of a balance payment: D merchant balance, C user wallet. */
export function refundPostings(args: {
  merchantId: string;
  userId: string;
  amount: bigint;
  currency: Currency;
}): PostingInput[] {
  positive(args.amount);
  return [
    debit(merchantBalanceCode(args.merchantId), args.amount, args.currency),
    credit(userWalletCode(args.userId), args.amount, args.currency),
  ];
}

/** Refund of an online-banking payment back to the customer's bank: D merchant balance, C reserve / in_transit. */
export function refundToBankPostings(args: {
  merchantId: string;
  amount: bigint;
  currency: Currency;
  via?: BankLeg | undefined;
}): PostingInput[] {
  positive(args.amount);
  return [
    debit(merchantBalanceCode(args.merchantId), args.amount, args.currency),
    credit(bankAccount(args.via), args.amount, args.currency),
  ];
}

/** Transfer between users: D wallet of the payer, C wallet of the payee. */
export function transferPostings(args: {
  fromUserId: string;
  toUserId: string;
  amount: bigint;
  currency: Currency;
}): PostingInput[] {
  if (args.fromUserId === args.toUserId) throw new SelfTransferError({ field: 'toUserId' });
  positive(args.amount);
  return [
    debit(userWalletCode(args.fromUserId), args.amount, args.currency),
    credit(userWalletCode(args.toUserId), args.amount, args.currency),
  ];
}

function outToBank(
  ownerAccount: string,
  args: { amount: bigint; fee: bigint; currency: Currency; via?: BankLeg | undefined },
): PostingInput[] {
  positive(args.amount);
  nonNegative(args.fee, 'fee');
  // amount + fee is what the owner pays; refuse it as input rather than as an entry error.
  if (args.amount + args.fee > MAX_AMOUNT) {
    throw new InvalidAmountError('TOO_LARGE', 'Amount plus fee exceeds the maximum');
  }
  return withoutZeros([
    debit(ownerAccount, args.amount + args.fee, args.currency),
    credit(bankAccount(args.via), args.amount, args.currency),
    credit(FEE_REVENUE_ACCOUNT, args.fee, args.currency),
  ]);
}

// Default: the sandbox bank confirms synchronously, so money left the reserve.
function bankAccount(via: BankLeg | undefined): string {
  return via === 'IN_TRANSIT' ? IN_TRANSIT_ACCOUNT : RESERVE_ACCOUNT;
}

function withoutZeros(postings: PostingInput[]): PostingInput[] {
  return postings.filter((posting) => posting.amount !== 0n);
}

function positive(amount: bigint): void {
  if (typeof amount !== 'bigint') throw new InvalidAmountError('WRONG_TYPE', 'Amount must be a bigint');
  if (amount <= 0n)
    throw new InvalidAmountError(amount === 0n ? 'ZERO' : 'NEGATIVE', 'Amount must be greater than zero');
  if (amount > MAX_AMOUNT) throw new InvalidAmountError('TOO_LARGE', 'Amount is too large');
}

function nonNegative(amount: bigint, field: string): void {
  if (typeof amount !== 'bigint' || amount < 0n) {
    throw new InvalidEntryError('NEGATIVE_FEE', `${field} must be a non-negative bigint`, { field });
  }
}

function feeWithin(fee: bigint, amount: bigint): void {
  nonNegative(fee, 'merchantFee');
  if (fee > amount) {
    throw new InvalidEntryError('FEE_EXCEEDS_AMOUNT', 'Merchant fee exceeds the payment amount', {
      field: 'merchantFee',
    });
  }
}
